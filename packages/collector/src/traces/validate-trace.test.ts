import { describe, expect, it } from "vitest";
import { makeTrace } from "../testing/make-trace.ts";
import { validateTrace } from "./validate-trace.ts";

describe("validateTrace", () => {
  it("accepts a trace as the recorder makes it", () => {
    expect(validateTrace(JSON.parse(JSON.stringify(makeTrace({ nested: true }).trace)), "traces[0]")).toBeUndefined();
  });

  it("names the first wrong field", () => {
    const bad = (patch: (t: Record<string, any>) => void) => {
      const t = JSON.parse(JSON.stringify(makeTrace().trace));
      patch(t);
      return validateTrace(t, "traces[1]");
    };
    expect(bad((t) => delete t.id)).toBe("traces[1].id must be a string of 1–200 characters");
    expect(bad((t) => (t.startedAt = "yesterday"))).toBe("traces[1].startedAt must be epoch ms");
    expect(bad((t) => (t.steps[2].kind = "sql"))).toMatch(/^traces\[1\]\.steps\[2\]\.kind must be one of llm, retrieval/);
    expect(bad((t) => (t.steps[0].attributes = { docs: [1, 2] }))).toBe("traces[1].steps[0].attributes must map names to strings, numbers or booleans");
    expect(bad((t) => (t.summary.costUSD = -1))).toBe("traces[1].summary.costUSD must be a number ≥ 0");
    expect(bad((t) => (t.tags = { userId: 7 }))).toBe("traces[1].tags must map names to strings, without NUL or unpaired surrogates");
    expect(bad((t) => (t.id = "ab\u0000cd"))).toBe("traces[1].id must not contain NUL or unpaired surrogates");
    expect(bad((t) => (t.steps[1].name = "get\ud800"))).toBe("traces[1].steps[1].name must be a string of at most 1,000 characters without NUL or unpaired surrogates");
    expect(validateTrace([], "traces[0]")).toBe("traces[0] must be an object");
    expect(bad((t) => (t.startedAt = 9e15))).toBe("traces[1].startedAt is more than a day ahead of the collector's clock (epoch ms expected)");
  });
});
