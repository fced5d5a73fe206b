import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { indexedDBSink } from "./indexeddb-sink.ts";
import type { StoreEvent } from "./store-events.ts";
import { makeCall, recordingContext, T0 } from "./test-calls.ts";

const fresh = (more: Parameters<typeof indexedDBSink>[0] = {}) => {
  const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false, ...more });
  const ctx = recordingContext();
  sink.attach!(ctx);
  return { sink, ctx };
};
const storedBatches = (events: StoreEvent[]) => events.flatMap((e) => (e.type == "stored" ? [e.ids.length] : []));

describe("indexedDBSink", () => {
  it("stores a transaction once 50 calls wait, and the rest after the interval", async () => {
    const { sink } = fresh({ flushIntervalMs: 10 });
    const batches: number[] = [];
    let next = () => {};
    sink.subscribe((e) => {
      if (e.type == "stored") batches.push(e.ids.length);
      next();
    });
    const stored = () => new Promise<void>((done) => (next = done));
    let waiting = stored();
    for (let i = 0; i < 50; i++) sink.write(makeCall(i));
    await waiting;
    waiting = stored();
    for (let i = 50; i < 70; i++) sink.write(makeCall(i));
    await waiting;
    expect(batches).toEqual([50, 20]);
    expect(await sink.count()).toBe(70);
    expect(await sink.storage()).toBe("indexeddb");
    await sink.close();
  });

  it("folds a burst into few batches of at most 1000 calls", async () => {
    const { sink } = fresh();
    const batches: number[] = [];
    sink.subscribe((e) => e.type == "stored" && batches.push(e.ids.length));
    for (let i = 0; i < 2500; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(Math.max(...batches)).toBeLessThanOrEqual(1000);
    expect(batches.length).toBeLessThan(6);
    expect(await sink.count()).toBe(2500);
    await sink.close();
  });

  it("stores a call written twice once, as last written", async () => {
    const { sink } = fresh();
    sink.write(makeCall(1, { completion: { text: "partial" } }));
    sink.write(makeCall(1, { completion: { text: "final" } }));
    await sink.flush();
    expect(await sink.count()).toBe(1);
    expect((await sink.getCall("call-000001"))?.completion.text).toBe("final");
    await sink.close();
  });

  it("answers queries including calls still waiting to be stored", async () => {
    const { sink } = fresh({ flushIntervalMs: 60_000 });
    for (let i = 0; i < 30; i++) sink.write(makeCall(i));
    const page = await sink.queryCalls({ userId: "user-4", from: T0, to: T0 + 20_000 });
    expect(page.calls.map((c) => c.id)).toEqual(["call-000014", "call-000004"]);
    await sink.close();
  });

  it("puts feedback on a stored call and on one still waiting", async () => {
    const { sink, ctx } = fresh({ flushIntervalMs: 60_000 });
    const events: StoreEvent[] = [];
    sink.subscribe((e) => events.push(e));
    sink.write(makeCall(1));
    await sink.flush();
    sink.write(makeCall(2));
    sink.feedback!("call-000001", { score: 1, comment: "great", at: 5 });
    sink.feedback!("call-000002", { score: -1, at: 6 });
    sink.feedback!("missing", { score: 1, at: 7 });
    await sink.flush();
    expect((await sink.getCall("call-000001"))?.feedback).toEqual({ score: 1, comment: "great", at: 5 });
    expect((await sink.getCall("call-000002"))?.feedback).toEqual({ score: -1, at: 6 });
    expect(events.some((e) => e.type == "feedback" && e.id == "call-000001")).toBe(true);
    expect(String(ctx.errors[0])).toMatch(/feedback for missing/);
    await sink.close();
  });

  it("keeps at most maxCalls and nothing older than maxAgeMs", async () => {
    const { sink } = fresh({ maxCalls: 100, maxAgeMs: 365 * 86_400_000 });
    let pruned = 0;
    sink.subscribe((e) => e.type == "pruned" && (pruned += e.count));
    for (let i = 0; i < 150; i++) sink.write(makeCall(i));
    sink.write(makeCall(999, { id: "ancient", startedAt: T0 - 400 * 86_400_000 }));
    await sink.prune();
    // a background prune may have done part of the work; together they deleted exactly the excess
    expect(pruned).toBe(51);
    expect(await sink.count()).toBe(100);
    expect(await sink.getCall("ancient")).toBeUndefined();
    expect(await sink.getCall("call-000049")).toBeUndefined();
    expect(await sink.getCall("call-000050")).toBeDefined();
    await sink.close();
  });

  it("prunes in the background after storing", async () => {
    const { sink } = fresh({ maxCalls: 10 });
    const pruned = new Promise<number>((done) => sink.subscribe((e) => e.type == "pruned" && done(e.count)));
    for (let i = 0; i < 40; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(await pruned).toBe(30);
    expect(await sink.count()).toBe(10);
    await sink.close();
  });

  it("exports matching calls as NDJSON, newest first", async () => {
    const { sink } = fresh();
    for (let i = 0; i < 1200; i++) sink.write(makeCall(i));
    const all = (await (await sink.exportNDJSON()).text()).trim().split("\n");
    expect(all).toHaveLength(1200);
    expect(JSON.parse(all[0]!).id).toBe("call-001199");
    expect(JSON.parse(all[1199]!)).toEqual(makeCall(0));
    const one = (await (await sink.exportNDJSON({ userId: "user-7", to: T0 + 30_000 })).text()).trim().split("\n");
    expect(one.map((l) => JSON.parse(l).id)).toEqual(["call-000027", "call-000017", "call-000007"]);
    await sink.close();
  });

  it("counts a call it cannot store instead of throwing", () => {
    const { sink, ctx } = fresh();
    expect(() => sink.write({ ...makeCall(1), startedAt: Number.NaN })).not.toThrow();
    expect(ctx.drops).toEqual({ "indexeddb-invalid-call": 1 });
    expect(String(ctx.errors[0])).toMatch(/numeric startedAt/);
  });

  it("tells sinks on the same channel about each stored batch and clear", async () => {
    const factory = new IDBFactory();
    const writer = indexedDBSink({ indexedDB: factory, channel: "llmscope-test-tabs" });
    const reader = indexedDBSink({ indexedDB: factory, channel: "llmscope-test-tabs" });
    const seen: StoreEvent[] = [];
    const got = new Promise<void>((done) =>
      reader.subscribe((e) => {
        seen.push(e);
        if (e.type == "cleared") done();
      }),
    );
    writer.write(makeCall(1));
    writer.write(makeCall(2));
    await writer.flush();
    await writer.clear();
    await got;
    expect(seen).toEqual([
      { type: "stored", ids: ["call-000001", "call-000002"], remote: true },
      { type: "cleared", remote: true },
    ]);
    await writer.close();
    await reader.close();
  });
});
