import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import type { QualityEvaluator } from "@llmscope/core/quality";
import type { CallStore } from "../store/call-store.ts";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import { bothStores, postgresTestStores } from "../testing/postgres-test-stores.ts";
import { makeCall } from "../testing/make-call.ts";
import { createQualityLoop } from "./evaluation-loop.ts";

const postgres = postgresTestStores();
afterAll(() => postgres.teardown());
const stores = bothStores(postgres);

/** scores relevance from a tag, so each call's expected score is known */
const fromTag: QualityEvaluator = { name: "from-tag", evaluate: (c) => (c.tags.score ? { relevance: Number(c.tags.score) } : undefined) };

function recordingForwarder(): CallForwarder & { got: LLMCall[] } {
  const got: LLMCall[] = [];
  return { got, forward: (calls) => void got.push(...calls), flush: async () => {}, shutdown: async () => {}, stats: () => ({ forwarded: got.length, dropped: 0, failed: 0 }) };
}

describe.each(stores)("quality evaluation loop on %s", (_name, openStore) => {
  let store: CallStore;
  let close: () => Promise<void>;
  afterEach(() => close());
  async function open() {
    ({ store, close } = await openStore());
  }
  async function ingest(calls: LLMCall[]) {
    return (await store.ingest(calls, Date.now())).inserted.map((i) => i.call);
  }

  it("scores stored calls after ingest, stores them, and forwards each once scored", async () => {
    await open();
    const next = recordingForwarder();
    const loop = createQualityLoop({ store, evaluators: [fromTag], next, idleMs: 1 });
    const calls = await ingest([makeCall({ id: "a", tags: { score: "80" } }), makeCall({ id: "b", tags: { score: "30" } }), makeCall({ id: "c", tags: {} })]);
    loop.forward(calls);
    await loop.flush();
    expect((await store.getCall("a"))!.quality).toEqual({ relevance: 80, average: 80 });
    expect((await store.getCall("b"))!.quality).toEqual({ relevance: 30, average: 30 });
    expect((await store.getCall("c"))!.quality).toBeUndefined();
    expect(loop.qualityStats()).toMatchObject({ scored: 2, unscored: 1, storageErrors: 0 });
    expect(next.got.map((c) => [c.id, c.quality?.average])).toEqual([["a", 80], ["b", 30], ["c", undefined]]);
    // a second flush finds nothing new and forwards nothing twice
    await loop.flush();
    expect(next.got).toHaveLength(3);
  });

  it("runs on its own once ingest is quiet, without a flush", async () => {
    await open();
    const loop = createQualityLoop({ store, evaluators: [fromTag], idleMs: 5 });
    loop.forward(await ingest([makeCall({ id: "q", tags: { score: "55" } })]));
    await expect.poll(async () => (await store.getCall("q"))!.quality?.relevance, { timeout: 2000, interval: 10 }).toBe(55);
    await loop.shutdown();
  });

  it("counts an evaluator that fails and keeps the others' scores", async () => {
    await open();
    const broken: QualityEvaluator = { name: "broken", evaluate: () => { throw new Error("no"); } };
    const logs: string[] = [];
    const loop = createQualityLoop({ store, evaluators: [broken, fromTag], idleMs: 1, log: (m) => logs.push(m) });
    loop.forward(await ingest([makeCall({ id: "e", tags: { score: "70" } })]));
    await loop.flush();
    expect((await store.getCall("e"))!.quality).toEqual({ relevance: 70, average: 70 });
    expect(loop.qualityStats().evaluatorErrors).toEqual({ broken: 1 });
    expect(logs[0]).toMatch(/broken failed: no/);
  });

  it("scores in slices of batchSize until caught up", async () => {
    await open();
    const loop = createQualityLoop({ store, evaluators: [fromTag], idleMs: 1, batchSize: 7 });
    const calls = await ingest(Array.from({ length: 30 }, (_, i) => makeCall({ id: `s${i}`, tags: { score: String(i) } })));
    loop.forward(calls);
    await loop.flush();
    expect(loop.qualityStats().scored).toBe(30);
    expect((await store.getCall("s29"))!.quality?.relevance).toBe(29);
  });
});
