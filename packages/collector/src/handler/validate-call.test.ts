import { describe, expect, it } from "vitest";
import { validateCall } from "./validate-call.ts";
import { applyFieldCaps, DEFAULT_FIELD_CAPS } from "./field-caps.ts";
import { makeCall } from "../testing/make-call.ts";

describe("call validation", () => {
  it("accepts a recorder-shaped call", () => {
    expect(validateCall(makeCall(), "calls[0]")).toBeUndefined();
  });

  it("names the first wrong field", () => {
    const bad = (patch: (c: Record<string, any>) => void) => {
      const c = structuredClone(makeCall()) as Record<string, any>;
      patch(c);
      return validateCall(c, "calls[2]");
    };
    expect(bad((c) => (c.usage.inputTokens = "12"))).toBe("calls[2].usage.inputTokens must be a finite number");
    expect(bad((c) => delete c.id)).toBe("calls[2].id must be a string");
    expect(bad((c) => (c.prompt.messages[1].content = 5))).toBe("calls[2].prompt.messages[1].content must be a string");
    expect(bad((c) => (c.error = { kind: "boom", message: "x" }))).toBe("calls[2].error.kind must be a known error kind");
    expect(bad((c) => (c.tags.userId = 7))).toBe("calls[2].tags.userId must be a string");
    expect(bad((c) => (c.id = "x".repeat(201)))).toMatch(/^calls\[2\]\.id must be 1–200 characters/);
  });

  it("cuts over-long text to its cap and marks the call truncated", () => {
    const call = makeCall({ promptText: "p".repeat(100) });
    expect(applyFieldCaps(call, { ...DEFAULT_FIELD_CAPS, maxTextChars: 10 })).toBe(true);
    expect(call.prompt.text).toBe("p".repeat(10));
    expect(call.truncated).toBe(true);
    const small = makeCall();
    expect(applyFieldCaps(small, DEFAULT_FIELD_CAPS)).toBe(false);
    expect(small.truncated).toBeUndefined();
  });
});
