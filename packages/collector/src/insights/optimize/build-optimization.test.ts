import type { LLMCall } from "@llmscope/core";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../store/sqlite-store.ts";
import { makeCall, type CallShape } from "../../testing/make-call.ts";
import { LONG_PROMPTS, optimizationTraffic, REFUND_QUESTION } from "../../testing/optimization-traffic.ts";
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
    expect(find("verbose_output", "model=gpt-4o-mini prompt=essay")?.monthlySavingsUSD).toBeCloseTo(0.8, 5);
    // four of five identical prompts at $0.10
    expect(find("repeated_prompt", `model=gpt-4o-mini ${JSON.stringify("What is the refund policy?")}`)?.monthlySavingsUSD).toBeCloseTo(0.4, 5);
    // ten calls at $0.05 that $0.01 serves within 2 quality points
    expect(find("cheaper_model", "model=gpt-4o prompt=qa")?.monthlySavingsUSD).toBeCloseTo(0.4, 5);
    expect(find("top_spender", "prompt=qa")).toBeDefined();
    expect(report.calls).toBe(calls.length);
    expect(report.monthlySavingsUSD).toBeCloseTo(1.9, 5);
  });
});

describe("buildOptimization on the same waste across several models", () => {
  it("names the model in every finding about one, merges rows that would read alike, and keeps savings below a cent", async () => {
    const t = tempDbPath();
    const own = new SqliteStore(t.path);
    try {
      const from = Date.UTC(2026, 6, 1);
      await own.ingest(optimizationTraffic(from + 3_600_000), from);
      // a 30-day period: a month's savings are the period's
      const report = await buildOptimization(own, from, from + 30 * 86_400_000);
      const subjects = report.findings.map((f) => `${f.kind} ${f.subject}`);
      expect(new Set(subjects).size).toBe(subjects.length);
      const savings = (kind: string, subject: string) => report.findings.find((f) => f.kind === kind && f.subject === subject)?.monthlySavingsUSD;
      // four of five identical questions at 20 in × $0.15/M + 40 out × $0.60/M, and at gpt-4o's $2.50/M + $10/M
      expect(savings("repeated_prompt", `model=gpt-4o-mini ${JSON.stringify(REFUND_QUESTION)}`)).toBeCloseTo(4 * 27e-6, 12);
      expect(savings("repeated_prompt", `model=gpt-4o ${JSON.stringify(REFUND_QUESTION)}`)).toBeCloseTo(4 * 450e-6, 12);
      // two texts alike for 80 characters, each sent twice: one row, one call of each served from a cache
      const alike = report.findings.filter((f) => f.kind === "repeated_prompt" && f.subject.includes(LONG_PROMPTS[0]!.slice(0, 40)));
      expect(alike).toHaveLength(1);
      expect(alike[0]!.detail).toBe("4 identical prompts (2 texts sharing this start); a cache would have served 2");
      expect(alike[0]!.monthlySavingsUSD).toBeCloseTo(2 * 64.5e-6, 12);
      // two answers 700 tokens too long on each model, at each model's output price
      expect(savings("verbose_output", "model=gpt-4o-mini prompt=essay")).toBeCloseTo(1400 * 0.6e-6, 12);
      expect(savings("verbose_output", "model=gpt-4o prompt=essay")).toBeCloseTo(1400 * 10e-6, 12);
      // gpt-4o and claude-sonnet-4 each served by gpt-4o-mini within two quality points
      expect(savings("cheaper_model", "model=gpt-4o prompt=qa")).toBeCloseTo(10 * (1.75e-3 - 1.05e-4), 12);
      expect(savings("cheaper_model", "model=claude-sonnet-4 prompt=qa")).toBeCloseTo(10 * (2.4e-3 - 1.05e-4), 12);
      // 6000 input tokens of growth at $0.15/M, half avoidable
      expect(savings("context_bloat", "session=chat-1")).toBeCloseTo(4.5e-4, 12);
      expect(report.findings.find((f) => f.kind === "context_bloat")?.detail).toContain("on gpt-4o-mini");
      for (const f of report.findings.filter((f) => f.kind !== "top_spender" && f.kind !== "context_bloat")) {
        expect(f.model).toBeDefined();
        expect(f.subject).toContain(`model=${f.model}`);
      }
      expect(report.monthlySavingsUSD).toBeGreaterThan(0.05);
      expect(report.findings.filter((f) => f.kind !== "top_spender").every((f) => f.monthlySavingsUSD > 0)).toBe(true);
    } finally {
      await own.close();
      t.cleanup();
    }
  });
});
