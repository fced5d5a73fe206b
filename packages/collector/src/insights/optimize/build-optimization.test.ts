import type { LLMCall } from "@llmscope/core";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../store/sqlite-store.ts";
import { makeCall, type CallShape } from "../../testing/make-call.ts";
import { tempDbPath } from "../../testing/temp-db.ts";
import { buildOptimization } from "./build-optimization.ts";

const T0 = Date.UTC(2026, 5, 1);
const tmp = tempDbPath();
const store = new SqliteStore(tmp.path);
afterAll(async () => (await store.close(), tmp.cleanup()));

let n = 0;
/** a call with its cost split at $0.001 per token, in its own session unless given one */
function call(shape: CallShape & { session?: string; quality?: number }): LLMCall {
  const c = makeCall({ startedAt: T0 + 3_600_000 + n++ * 1000, ...shape });
  const input = c.usage.inputTokens!;
  const output = c.usage.outputTokens!;
  c.sessionId = shape.session ?? `s${n}`;
  c.cost = { inputUSD: input * 0.001, cachedInputUSD: 0, outputUSD: output * 0.001, totalUSD: shape.costUSD ?? (input + output) * 0.001, priceDate: "2026-01-01" };
  if (shape.quality !== undefined) c.quality = { average: shape.quality };
  return c;
}

describe("buildOptimization on calls with known waste", () => {
  it("prices context bloat, verbose answers, repeated prompts and a cheaper model of equal quality", async () => {
    const calls = [
      ...[100, 200, 300, 400].map((inputTokens) => call({ session: "chat-1", inputTokens, outputTokens: 0, tags: { promptId: "chat" } })),
      ...[100, 100, 100, 100, 100, 100, 100, 100, 500, 500].map((outputTokens) => call({ inputTokens: 0, outputTokens, tags: { promptId: "essay" } })),
      ...Array.from({ length: 5 }, () => call({ promptText: "What is the refund policy?", costUSD: 0.1, tags: { promptId: "faq" } })),
      ...Array.from({ length: 10 }, () => call({ model: "gpt-4o", costUSD: 0.05, quality: 80, tags: { promptId: "qa" } })),
      ...Array.from({ length: 10 }, () => call({ model: "gpt-4o-mini", costUSD: 0.01, quality: 79, tags: { promptId: "qa" } })),
    ];
    await store.ingest(calls, T0);
    const report = await buildOptimization(store, T0, T0 + 30 * 86_400_000);
    const find = (kind: string, subject: string) => report.findings.find((f) => f.kind === kind && f.subject === subject);
    // (100 + 200 + 300) excess input tokens × $0.001, half of it avoidable
    expect(find("context_bloat", "session=chat-1")?.monthlySavingsUSD).toBeCloseTo(0.3, 5);
    // two answers of 500 where 100 is usual: 800 tokens × $0.001
    expect(find("verbose_output", "prompt=essay")?.monthlySavingsUSD).toBeCloseTo(0.8, 5);
    // four of five identical prompts at $0.10
    expect(find("repeated_prompt", JSON.stringify("What is the refund policy?"))?.monthlySavingsUSD).toBeCloseTo(0.4, 5);
    // ten calls at $0.05 that $0.01 serves within 2 quality points
    expect(find("cheaper_model", "prompt=qa")?.monthlySavingsUSD).toBeCloseTo(0.4, 5);
    expect(find("top_spender", "prompt=qa")).toBeDefined();
    expect(report.calls).toBe(calls.length);
    expect(report.monthlySavingsUSD).toBeCloseTo(1.9, 5);
  });
});
