// `llmscope serve`'s quality flags turned into evaluators: the reference file
// feeds accuracy, --safety-term feeds safety, and --judge adds a judge that
// is asked over HTTP (the mock LLM on 127.0.0.1) and has the last word.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { evaluateCall, llmJudgeEvaluator } from "@llmscope/core/quality";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { qualityFromFlags } from "./quality-flags.ts";

let mock: MockLLMServer;
let cleanup = () => {};
beforeAll(async () => {
  mock = await startMockLLM({ firstChunkDelayMs: 1, chunkDelayMs: 0 });
});
afterAll(() => mock.close());
afterEach(() => cleanup());

function referenceFile(): string {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  const path = join(tmp.dir, "references.yaml");
  writeFileSync(path, "capital: Paris is the capital of France.\n");
  return path;
}

const call = {
  ...makeCall({ id: "c", promptText: "What is the capital of France?", tags: { promptId: "capital" } }),
  completion: { text: "Paris is the capital of France, darn it.", finishReason: "stop" },
};

describe("quality flags", () => {
  it("--no-quality turns scoring off", () => {
    expect(qualityFromFlags({ quality: false }, () => {})).toBeUndefined();
  });

  it("scores accuracy against the reference file and flags the safety terms", async () => {
    const q = qualityFromFlags({ quality: true, references: referenceFile(), safetyTerms: ["darn"] }, () => {})!;
    expect(q.evaluators!.map((e) => e.name)).toEqual(["relevance", "coherence", "safety", "accuracy"]);
    expect(q.references!.get("capital")).toEqual(["Paris is the capital of France."]);
    const scores = await evaluateCall(call, q.evaluators!);
    // 6 shared words of 8 answer / 6 reference words: F1 = ROUGE-L = 2·0.75·1 / 1.75
    expect(scores).toMatchObject({ relevance: 100, coherence: 100, safety: 75, accuracy: 85.7 });
  });

  it("--judge adds a judge whose scores replace the heuristics'", async () => {
    const errors: string[] = [];
    const q = qualityFromFlags({ quality: true, references: referenceFile(), judge: "openai:gpt-4o-mini", judgeUrl: `${mock.url}/v1`, judgeKey: "k" }, () => {})!;
    expect(q.evaluators!.map((e) => e.name).at(-1)).toBe("llm-judge");
    const scores = await evaluateCall(call, q.evaluators!, (name, err) => errors.push(`${name}: ${String(err)}`));
    expect(errors).toEqual([]);
    const judge = llmJudgeEvaluator({ protocol: "openai", baseUrl: `${mock.url}/v1`, model: "gpt-4o-mini", references: () => ["Paris is the capital of France."] });
    const judged = (await judge.evaluate(call))!;
    expect(Object.keys(judged).sort()).toEqual(["accuracy", "coherence", "relevance", "safety"]);
    expect(scores).toMatchObject(judged);
  });

  it("names the flag when --judge is malformed", () => {
    expect(() => qualityFromFlags({ quality: true, judge: "gpt-4o-mini" }, () => {})).toThrow(/--judge must look like openai:gpt-4o-mini/);
    expect(() => qualityFromFlags({ quality: true, judge: "cohere:command" }, () => {})).toThrow(/--judge must look like/);
  });
});
