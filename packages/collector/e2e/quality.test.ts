// Quality end to end over HTTP on 127.0.0.1 with a real SQLite file: calls are
// scored after ingest, reference answers come in by PUT, scores and
// satisfaction show in /v1/stats, variance in /v1/variance, and spans carry
// gen_ai.evaluation.result events.
import { afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { createOtlpForwarder } from "../src/otlp/otlp-forwarder.ts";
import { startOtlpReceiver, type OtlpReceiver } from "../src/testing/otlp-receiver.ts";
import { READ_KEY, startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { createReferenceBook, MAX_REFERENCE_PROMPTS } from "../src/quality/reference-book.ts";

let s: TestServer;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  await s.close();
  await receiver?.close();
  receiver = undefined;
});

const T = Date.UTC(2026, 2, 4, 14, 2);
const answered = (id: string, question: string, answer: string, tags: Record<string, string>, extra: Partial<LLMCall> = {}): LLMCall => {
  const c = makeCall({ id, startedAt: T, promptText: question, tags });
  return { ...c, completion: { text: answer, finishReason: "stop" }, ...extra };
};
const put = (path: string, body: unknown, key: string | null = READ_KEY) =>
  fetch(s.url + path, { method: "PUT", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });

describe("quality over HTTP", () => {
  it("scores stored calls with the heuristics and accuracy against PUT references", async () => {
    s = await startTestServer({ quality: { safetyTerms: ["idiot"] } });
    expect((await put("/v1/references/capital", { references: ["Paris is the capital of France."] })).status).toBe(200);
    const good = answered("good", "What is the capital of France?", "Paris is the capital of France.", { promptId: "capital", feature: "geo" });
    const rude = answered("rude", "What is the capital of France?", "Lyon, idiot.", { promptId: "capital", feature: "geo" });
    const blocked = answered("blocked", "Tell me something", "", { feature: "chat" }, { error: { kind: "content_filter", message: "filtered" } });
    expect((await s.post("/v1/calls", { v: 1, sentAt: T, calls: [good, rude, blocked] })).status).toBe(200);
    await s.collector.flush();

    const stored = async (id: string) => ((await (await s.get(`/v1/calls/${id}`)).json()) as LLMCall).quality;
    expect(await stored("good")).toEqual({ relevance: 100, coherence: 100, safety: 100, accuracy: 100, average: 100 });
    // relevance: capital, france → neither; accuracy: F1 0, ROUGE-L 0; safety: one listed term
    expect(await stored("rude")).toEqual({ relevance: 0, coherence: 100, safety: 75, accuracy: 0, average: 43.8 });
    expect(await stored("blocked")).toEqual({ safety: 0, average: 0 });

    const stats = (await (await s.get("/v1/stats?groupBy=feature&period=all")).json()) as { rows: { key: string; quality?: Record<string, number> }[] };
    expect(stats.rows.find((r) => r.key === "geo")!.quality).toEqual({ scored: 2, relevance: 50, coherence: 100, safety: 87.5, accuracy: 50, average: 71.9 });
    const health = (await (await s.get("/v1/health")).json()) as { quality: { scored: number } };
    expect(health.quality.scored).toBe(3);
  });

  it("moves the satisfaction rate in /v1/stats as 👍 and 👎 arrive", async () => {
    s = await startTestServer({ quality: {} });
    const calls = ["a", "b", "c"].map((id) => answered(id, "Summarize the ticket", "The customer wants a refund.", { promptId: "summary", model: "m" }));
    await s.post("/v1/calls", { v: 1, sentAt: T, calls });
    const rate = async () =>
      ((await (await s.get("/v1/stats?groupBy=promptId&period=all")).json()) as { rows: { key: string; satisfaction?: unknown }[] }).rows.find((r) => r.key === "summary")!.satisfaction;
    expect(await rate()).toBeUndefined();
    await s.post("/v1/feedback", { v: 1, feedback: [{ callId: "a", score: 1 }, { callId: "b", score: 1 }] });
    expect(await rate()).toEqual({ up: 2, down: 0, rate: 1 });
    await s.post("/v1/feedback", { callId: "c", score: -1, comment: "wrong" });
    expect(await rate()).toEqual({ up: 2, down: 1, rate: 0.667 });
  });

  it("answers bad reference input with a 400 and a missing key with a 401, keeping what was stored", async () => {
    s = await startTestServer({ quality: {} });
    expect((await put("/v1/references/p", { references: ["one"] })).status).toBe(200);
    const bad = await put("/v1/references/p", { references: [42] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/references must be a non-empty string or a list of them/);
    expect((await put("/v1/references/p", { references: ["two"] }, null)).status).toBe(401);
    expect(await (await s.get("/v1/references/p")).json()).toEqual({ promptId: "p", references: ["one"] });
    expect((await s.get("/v1/references/none")).status).toBe(404);
    expect((await fetch(`${s.url}/v1/references/p`, { method: "DELETE" })).status).toBe(405);
  });

  it("reports answer dispersion and the outlier for a prompt", async () => {
    s = await startTestServer({ quality: {} });
    const same = "Paris is the capital of France.";
    const texts = [same, same, same, "Bananas are rich in potassium and grow in clusters.", same];
    const calls = texts.map((t, i) => answered(`v${i}`, "What is the capital of France?", t, { promptId: "capital" }, { startedAt: T + i }));
    await s.post("/v1/calls", { v: 1, sentAt: T, calls });
    const res = await s.get("/v1/variance?promptId=capital");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { calls: number; dispersion: { samples: number; score: number; outliers: { callId: string }[] }; byPrompt: { calls: number }[] };
    expect(body.calls).toBe(5);
    expect(body.dispersion.samples).toBe(5);
    expect(body.dispersion.outliers.map((o) => o.callId)).toEqual(["v3"]);
    expect(body.byPrompt).toHaveLength(1);
    expect(body.byPrompt[0]!.calls).toBe(5);
    expect((await s.get("/v1/variance")).status).toBe(400);
    expect((await s.get("/v1/variance?promptId=a&fingerprint=b")).status).toBe(400);
  });

  it("exports scored calls with gen_ai.evaluation.result events", async () => {
    receiver = await startOtlpReceiver();
    const otlp = createOtlpForwarder({ endpoint: receiver.url, flushIntervalMs: 20 });
    s = await startTestServer({ quality: {}, otlp });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls: [answered("o", "What is the capital of France?", "Paris is the capital of France.", {})] });
    await s.collector.flush();
    const spans = receiver.spans() as unknown as { events?: { name: string; attributes: { key: string; value: { stringValue?: string; doubleValue?: number; intValue?: number } }[] }[] }[];
    expect(spans).toHaveLength(1);
    const events = spans[0]!.events!.filter((e) => e.name === "gen_ai.evaluation.result");
    const byName = Object.fromEntries(events.map((e) => {
      const a = Object.fromEntries(e.attributes.map((x) => [x.key, x.value.stringValue ?? x.value.doubleValue ?? Number(x.value.intValue)]));
      return [a["gen_ai.evaluation.name"], a["gen_ai.evaluation.score.value"]];
    }));
    expect(byName).toEqual({ relevance: 100, coherence: 100, safety: 100, average: 100 });
  });
});


describe("reference answers are bounded", () => {
  it("refuses a new promptId once the book holds the most prompts, still changing known ones", async () => {
    const full = createReferenceBook(Object.fromEntries(Array.from({ length: MAX_REFERENCE_PROMPTS }, (_, i) => [`p${i}`, ["an answer"]])));
    s = await startTestServer({ quality: { references: full } });
    const refused = await put("/v1/references/one-more", { references: ["x"] });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 10000 prompts/);
    expect((await put("/v1/references/p1", { references: ["changed"] })).status).toBe(200);
    expect((await put("/v1/references/p2", { references: [] })).status).toBe(200);
    expect((await put("/v1/references/one-more", { references: ["x"] })).status).toBe(200);
  });
});
