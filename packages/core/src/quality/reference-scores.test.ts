import { describe, expect, it } from "vitest";
import { testCall } from "../analysis/test-call.ts";
import { accuracyEvaluator, referenceSimilarity } from "./accuracy.ts";
import { cosineSimilarity, longestCommonSubsequence, rougeL, tokenF1 } from "./reference-scores.ts";

describe("token F1", () => {
  it("matches hand-computed values", () => {
    expect(tokenF1("Paris is the capital", "The capital is Paris")).toBe(1);
    // shared: the, cat → P 2/3, R 2/4 → F1 4/7
    expect(tokenF1("the cat sat", "the cat is here")).toBeCloseTo(4 / 7, 12);
    // repeated words count once per occurrence in the reference
    expect(tokenF1("the the the", "the cat")).toBeCloseTo(0.4, 12);
    expect(tokenF1("", "")).toBe(1);
    expect(tokenF1("x", "")).toBe(0);
  });
});

describe("ROUGE-L", () => {
  it("rewards words in the same order", () => {
    expect(longestCommonSubsequence(["a", "b", "c", "d"], ["a", "c", "d", "b"])).toBe(3);
    // candidate: police killed the gunman; reference: the gunman was shot by police → LCS "the gunman" = 2
    // P 2/4, R 2/6 → F1 0.4
    expect(rougeL("police killed the gunman", "the gunman was shot by police")).toBeCloseTo(0.4, 12);
    expect(rougeL("Paris is the capital", "The capital is Paris")).toBeCloseTo(0.5, 12);
  });
});

describe("accuracy against reference answers", () => {
  const refs: Record<string, string[]> = { capital: ["Paris is the capital of France.", "The capital is Paris."] };
  const call = (promptId: string | undefined, text: string) =>
    testCall({ completion: { text }, tags: promptId ? { promptId } : {} });

  it("takes the best reference, mean of F1 and ROUGE-L, ×100", async () => {
    const evaluator = accuracyEvaluator({ references: (id) => refs[id] });
    expect(await evaluator.evaluate(call("capital", "The capital is Paris."))).toEqual({ accuracy: 100 });
    const q = await evaluator.evaluate(call("capital", "It is Lyon."));
    // best is "The capital is Paris.": F1 2·(1/3·1/4)/(1/3+1/4) = 2/7, LCS "is" → same 2/7
    expect(q!.accuracy).toBeCloseTo((100 * 2) / 7, 10);
  });

  it("is absent, not invented, without a reference", async () => {
    const evaluator = accuracyEvaluator({ references: (id) => refs[id] });
    expect(await evaluator.evaluate(call(undefined, "Paris"))).toBeUndefined();
    expect(await evaluator.evaluate(call("other", "Paris"))).toBeUndefined();
  });

  it("adds cosine similarity from a user-supplied embedding", async () => {
    const seen: string[][] = [];
    const embed = (texts: string[]) => (seen.push(texts), texts.map((t) => (t.includes("Lyon") ? [1, 0] : [0, 1])));
    const evaluator = accuracyEvaluator({ references: () => ["Paris."], embed });
    // F1 0, ROUGE-L 0, cosine 0 → 0
    expect(await evaluator.evaluate(call("capital", "Lyon."))).toEqual({ accuracy: 0 });
    expect(seen[0]).toEqual(["Lyon.", "Paris."]);
    expect(referenceSimilarity("a b", "a b", 1)).toBe(1);
    expect(cosineSimilarity([1, 1], [1, 1])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
  });
});
