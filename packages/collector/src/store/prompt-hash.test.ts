import { describe, expect, it } from "vitest";
import { fnv1a64, normalizePrompt, promptHash } from "./prompt-hash.ts";

describe("prompt hash", () => {
  it("treats prompts differing only in numbers, ids and spacing as one", () => {
    const a = promptHash("Summarize order 1234 for user 9f1c2b3a-0000-4000-8000-1234567890ab  please");
    const b = promptHash("summarize order 98 for user 11111111-2222-4333-8444-555555555555 please");
    expect(a).toBe(b);
    expect(normalizePrompt("Ticket #42 on 2026-03-04")).toBe("ticket #<n> on <n>");
  });

  it("separates different wording", () => {
    expect(promptHash("summarize the order")).not.toBe(promptHash("translate the order"));
    expect(fnv1a64("abc")).toMatch(/^[0-9a-f]{16}$/);
  });
});
