import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Prompt } from "../types.ts";
import { fingerprintPrompt, rememberedTexts } from "./fingerprint-prompt.ts";
import { fnv1a64 } from "./fnv1a64.ts";
import { normalizePromptText } from "./normalize-prompt-text.ts";

function supportPrompt(order: string, email: string, date: string): Prompt {
  const user = `Customer ${email} asks about order #${order} placed on ${date}. Reply politely.`;
  return {
    system: "You are a support agent for Acme. Today is " + date + ".",
    messages: [
      { role: "system", content: "You are a support agent for Acme. Today is " + date + "." },
      { role: "user", content: user },
    ],
    text: user,
  };
}

describe("fingerprintPrompt", () => {
  it("is equal for one template filled with different values", () => {
    const a = fingerprintPrompt(supportPrompt("1001", "ann@example.com", "2025-01-02"));
    const b = fingerprintPrompt(supportPrompt("98765", "bob@corp.io", "2026-11-30"));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it("differs for different templates", () => {
    const a = supportPrompt("1", "a@b.co", "2025-01-01");
    const b: Prompt = { ...a, messages: [a.messages[0]!, { role: "user", content: "Write a haiku about order #1." }] };
    expect(fingerprintPrompt(a)).not.toBe(fingerprintPrompt(b));
  });

  it("keeps roles and structure", () => {
    const asUser: Prompt = { messages: [{ role: "user", content: "Hello" }], text: "Hello" };
    const asAssistant: Prompt = { messages: [{ role: "assistant", content: "Hello" }], text: "Hello" };
    const twice: Prompt = { messages: [{ role: "user", content: "Hello" }, { role: "user", content: "Hello" }], text: "" };
    const split: Prompt = { messages: [{ role: "user", content: "He" }, { role: "user", content: "llo" }], text: "" };
    const joined: Prompt = { messages: [{ role: "user", content: "Hel" }, { role: "user", content: "lo" }], text: "" };
    expect(fingerprintPrompt(asUser)).not.toBe(fingerprintPrompt(asAssistant));
    expect(fingerprintPrompt(asUser)).not.toBe(fingerprintPrompt(twice));
    expect(fingerprintPrompt(split)).not.toBe(fingerprintPrompt(joined));
  });

  it("lets an explicit promptId win", () => {
    const a = supportPrompt("1", "a@b.co", "2025-01-01");
    const b: Prompt = { messages: [{ role: "user", content: "Something else entirely" }], text: "" };
    expect(fingerprintPrompt(a, "support-v3")).toBe("p:support-v3");
    expect(fingerprintPrompt(b, "support-v3")).toBe("p:support-v3");
    expect(fingerprintPrompt(a, "")).toBe(fingerprintPrompt(a));
  });

  it("is stable across calls and uses the flattened text when there are no messages", () => {
    const p: Prompt = { messages: [], text: "Complete: the number 42 is" };
    expect(fingerprintPrompt(p)).toBe(fingerprintPrompt({ messages: [], text: "Complete: the number 7 is" }));
    expect(fingerprintPrompt(p)).not.toBe(fingerprintPrompt({ messages: [], text: "Translate: the number 7 is" }));
  });

  it("reads a bounded prefix of huge messages", () => {
    const head = "Summarize this document:\n" + "lorem ipsum ".repeat(1000);
    const a: Prompt = { messages: [{ role: "user", content: head + "TAIL ONE" }], text: "" };
    const b: Prompt = { messages: [{ role: "user", content: head + "TAIL TWO" }], text: "" };
    expect(fingerprintPrompt(a)).toBe(fingerprintPrompt(b));
  });

  it("survives a malformed prompt", () => {
    expect(fingerprintPrompt(undefined as unknown as Prompt)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("remembers a template's fixed parts, not each call's new last message, and reads the same either way", () => {
    const system = "You are a support agent for Acme. Answer in two sentences.";
    const earlier = { role: "assistant" as const, content: "Which order is it about?" };
    const prompt = (n: number): Prompt => ({ system, messages: [earlier, { role: "user", content: `Order #${n} from ann${n}@example.com has not arrived.` }], text: "" });
    const first = fingerprintPrompt(prompt(0));
    const before = rememberedTexts();
    for (let n = 1; n < 300; n++) expect(fingerprintPrompt(prompt(n))).toBe(first);
    // the system prompt and the earlier turn were remembered by the first call; 299 new last messages added nothing
    expect(rememberedTexts()).toBe(before);
    // a text first seen as a last message, then as an earlier turn (remembered): the same reading
    const asLast: Prompt = { messages: [{ role: "user", content: "Ticket 4821 at 10:30" }], text: "" };
    const reading = fingerprintPrompt(asLast);
    fingerprintPrompt({ messages: [asLast.messages[0]!, { role: "user", content: "x" }], text: "" });
    expect(fingerprintPrompt(asLast)).toBe(reading);
  });

  it("gives the fingerprints stored so far: the hash of the pieces joined, each message's content normalized", () => {
    // the way they were computed, built as one string (small prompts: under the reading caps)
    const joined = (p: Prompt) =>
      fnv1a64(
        [
          "s\u0001" + normalizePromptText(p.system ?? ""),
          ...p.messages.map((m) => `${m.role}\u0001${normalizePromptText(m.content)}\u0001${m.toolCalls?.map((c) => c.name).join(",") ?? ""}`),
          ...(p.messages.length ? [] : ["t\u0001" + normalizePromptText(p.text)]),
        ].join("\u0002"),
      );
    const text = fc.constantFrom("", "Order 12 for ann@x.io", "Hello", "a,b", "\u0001", "日本語", "on 2025-03-14");
    const message = fc.record({
      role: fc.constantFrom("user", "assistant", "tool"),
      content: text,
      toolCalls: fc.option(fc.array(fc.record({ name: fc.constantFrom("", "search", "get_weather"), arguments: fc.constant("{}") }), { maxLength: 3 }), { nil: undefined }),
    });
    const prompt = fc.record({ system: fc.option(text, { nil: undefined }), messages: fc.array(message, { maxLength: 4 }), text });
    fc.assert(
      fc.property(prompt, (p) => {
        const clean = { ...p, messages: p.messages.map((m) => (m.toolCalls ? m : { role: m.role, content: m.content })) } as Prompt;
        expect(fingerprintPrompt(clean)).toBe(joined(clean));
      }),
      { numRuns: 500 },
    );
  });
});
