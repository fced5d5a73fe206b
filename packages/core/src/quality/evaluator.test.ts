import { describe, expect, it } from "vitest";
import { testCall } from "../analysis/test-call.ts";
import { combineScores, evaluateCall, evaluateCallSync, type QualityEvaluator } from "./evaluator.ts";

describe("combineScores", () => {
  it("averages the components present and leaves absent ones out", () => {
    expect(combineScores([{ relevance: 80 }, { coherence: 60, safety: 100 }])).toEqual({ relevance: 80, coherence: 60, safety: 100, average: 80 });
  });

  it("clamps to 0..100, rounds to a tenth and ignores non-numbers", () => {
    expect(combineScores([{ relevance: 120, coherence: -5, safety: Number.NaN, accuracy: 33.333 }])).toEqual({
      relevance: 100, coherence: 0, accuracy: 33.3, average: 44.4,
    });
  });

  it("is undefined when nothing could be judged", () => {
    expect(combineScores([undefined, {}])).toBeUndefined();
  });
});

describe("evaluateCall", () => {
  it("runs async evaluators, and reports one that fails instead of throwing", async () => {
    const failures: string[] = [];
    const ok: QualityEvaluator = { name: "ok", evaluate: async () => ({ accuracy: 50 }) };
    const bad: QualityEvaluator = { name: "bad", evaluate: () => Promise.reject(new Error("down")) };
    const q = await evaluateCall(testCall(), [ok, bad], (name) => failures.push(name));
    expect(q).toEqual({ accuracy: 50, average: 50 });
    expect(failures).toEqual(["bad"]);
  });

  it("has a synchronous form for views", () => {
    expect(evaluateCallSync(testCall(), [{ name: "s", evaluate: () => ({ safety: 90 }) }])).toEqual({ safety: 90, average: 90 });
  });
});
