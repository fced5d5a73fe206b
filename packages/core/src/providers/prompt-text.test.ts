import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPrompt, message } from "./prompt-text.ts";

describe("buildPrompt", () => {
  it("reads its text as the system prompt and every other message's content, the empty ones left out, one per line", () => {
    const role = fc.constantFrom("system", "developer", "user", "assistant", "tool");
    fc.assert(
      fc.property(fc.array(fc.record({ role, content: fc.oneof(fc.constant(""), fc.string()) }), { maxLength: 8 }), fc.option(fc.string(), { nil: undefined }), (messages, system) => {
        const prompt = buildPrompt(messages.map((m) => message(m.role, m.content)), system);
        const lifted = messages.filter((m) => m.role == "system" || m.role == "developer").map((m) => m.content);
        const joined = [...(system ? [system] : []), ...lifted].join("\n") || undefined;
        const rest = messages.filter((m) => m.role != "system" && m.role != "developer").map((m) => m.content);
        expect(prompt.system).toBe(joined);
        expect(prompt.text).toBe([joined, ...rest].filter(Boolean).join("\n"));
      }),
      { numRuns: 300 },
    );
  });
});
