import { describe, expect, it } from "vitest";
import { evaluationSeed, SEED_VARIABLE } from "./evaluation-seed.ts";

describe("evaluationSeed", () => {
  it("draws a seed from the clock, so runs try different seeds", () => {
    expect(evaluationSeed({}, 1_733_400_123_456)).toBe(123_456);
    expect(evaluationSeed({}, 1_733_400_123_457)).toBe(123_457);
  });

  it("replays the seed a developer sets", () => {
    expect(evaluationSeed({ [SEED_VARIABLE]: "42" }, 1_733_400_123_456)).toBe(42);
  });

  it("rejects a seed that is not a whole number, saying what it wants", () => {
    expect(() => evaluationSeed({ [SEED_VARIABLE]: "4.5" })).toThrow(/LLMSCOPE_EVAL_SEED must be a whole number ≥ 0.*"4.5"/);
    expect(() => evaluationSeed({ [SEED_VARIABLE]: "-1" })).toThrow(/whole number/);
    expect(() => evaluationSeed({ [SEED_VARIABLE]: "seven" })).toThrow(/"seven"/);
  });
});
