import { afterEach, describe, expect, it, vi } from "vitest";
import { makeCall, recordingContext } from "../indexeddb/test-calls.ts";
import { beaconSink, type BeaconSinkOptions } from "./beacon-sink.ts";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";

let collector: TestCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const setup = async (options: Partial<BeaconSinkOptions> = {}) => {
  collector = await startTestCollector();
  const sink = beaconSink({ url: `${collector.origin}/v1/calls`, flushIntervalMs: 60_000, ...options });
  const ctx = recordingContext();
  sink.attach!(ctx);
  return { sink, ctx, collector };
};
const KiB = 1024;

describe("beaconSink delivery", () => {
  it("POSTs a versioned text/plain envelope with the write key, and never records itself", async () => {
    const { sink, ctx, collector } = await setup({ writeKey: "wk_123" });
    sink.write(makeCall(1));
    sink.write(makeCall(2));
    sink.feedback!("call-000001", { score: -1, comment: "wrong", at: 77 });
    await sink.flush();
    const [calls, feedback] = collector.received;
    expect(calls!.path).toBe("/v1/calls");
    expect(calls!.contentType).toMatch(/^text\/plain(;|$)/);
    expect(calls!.body).toMatchObject({ v: 1, writeKey: "wk_123", calls: [makeCall(1), makeCall(2)] });
    expect(typeof calls!.body.sentAt).toBe("number");
    expect(feedback!.path).toBe("/v1/feedback");
    expect(feedback!.body).toMatchObject({ v: 1, writeKey: "wk_123", feedback: [{ callId: "call-000001", score: -1, comment: "wrong", at: 77 }] });
    expect(ctx.ignored).toContain(`${collector.origin}/v1/calls`);
    expect(ctx.ignored).toContain(`${collector.origin}/v1/feedback`);
    expect(sink.queued()).toEqual({ calls: 0, bytes: 0 });
  });

  it("splits batches so each payload stays within maxPayloadBytes and maxBatchCalls", async () => {
    const { sink, ctx, collector } = await setup({ maxBatchCalls: 20, maxPayloadBytes: 60 * KiB });
    const padding = "x".repeat(3 * KiB);
    for (let i = 0; i < 200; i++) sink.write(makeCall(i, { completion: { text: `${i} ${padding}` } }));
    await sink.flush();
    expect(collector.received.length).toBeGreaterThanOrEqual(200 / 17);
    for (const e of collector.received) {
      expect(e.bytes).toBeLessThanOrEqual(60 * KiB);
      expect(e.body.calls.length).toBeLessThanOrEqual(20);
    }
    expect(collector.callIds()).toEqual(Array.from({ length: 200 }, (_, i) => makeCall(i).id));
    expect(ctx.drops).toEqual({});
  });

  it("cuts a 2 MB completion to fit one payload, flagged truncated", async () => {
    const { sink, collector } = await setup({ maxPayloadBytes: 60 * KiB });
    const big = "é".repeat(1024 * 1024);
    sink.write(makeCall(1, { completion: { text: big }, response: { headers: {}, body: big, bodyBytes: 2 * 1024 * 1024 } }));
    sink.write(makeCall(2));
    await sink.flush();
    const got = collector.received.flatMap((e) => e.body.calls);
    expect(got.map((c) => c.id)).toEqual(["call-000001", "call-000002"]);
    expect(got[0]!.truncated).toBe(true);
    expect(big.startsWith(got[0]!.completion.text)).toBe(true);
    expect(got[0]!.completion.text.length).toBeGreaterThan(1000);
    expect(got[1]).toEqual(makeCall(2));
    for (const e of collector.received) expect(e.bytes).toBeLessThanOrEqual(60 * KiB);
  });

  it("outside browsers, posts up to 500 calls in payloads of up to 512 KiB, without the raw bodies unless asked", async () => {
    const { sink, collector } = await setup();
    const body = "b".repeat(2 * KiB);
    for (let i = 0; i < 600; i++) sink.write(makeCall(i, { request: { headers: {}, body, bodyBytes: body.length } }));
    await sink.flush();
    expect(collector.received.map((e) => e.body.calls.length)).toEqual([500, 100]);
    for (const e of collector.received) expect(e.bytes).toBeLessThanOrEqual(512 * KiB);
    expect(collector.received[0]!.body.calls[0]!.request).toEqual({ headers: {}, bodyBytes: body.length });

    const withBodies = beaconSink({ url: `${collector.origin}/v1/calls`, flushIntervalMs: 60_000, bodies: true });
    withBodies.attach!(recordingContext());
    withBodies.write(makeCall(1000, { request: { headers: {}, body, bodyBytes: body.length } }));
    await withBodies.flush();
    expect(collector.received.at(-1)!.body.calls[0]!.request!.body).toBe(body);
  });

  it("retries a 500ing endpoint until it recovers, delivering each call once", async () => {
    const { sink, ctx, collector } = await setup({ retry: { baseMs: 5, maxMs: 20, attempts: 4 } });
    collector.answer = (_req, n) => (n <= 2 ? 500 : 200);
    for (let i = 0; i < 3; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(collector.requests).toBe(3);
    expect(collector.callIds()).toEqual(["call-000000", "call-000001", "call-000002"]);
    expect(ctx.drops).toEqual({});
  });

  it("gives up on a batch after the configured attempts and counts it", async () => {
    const { sink, ctx, collector } = await setup({ retry: { baseMs: 5, maxMs: 20, attempts: 2 } });
    collector.answer = () => 503;
    for (let i = 0; i < 3; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(collector.requests).toBe(3);
    expect(ctx.drops).toEqual({ "beacon-failed": 3 });
    expect(sink.queued().calls).toBe(0);
  });

  it("aborts a hanging endpoint after timeoutMs, retries, then counts the loss", async () => {
    const { sink, ctx, collector } = await setup({ timeoutMs: 150, retry: { baseMs: 5, maxMs: 10, attempts: 1 } });
    collector.answer = () => "hang";
    sink.write(makeCall(1));
    await expect(sink.flush()).resolves.toBeUndefined();
    expect(collector.requests).toBe(2);
    expect(ctx.drops).toEqual({ "beacon-failed": 1 });
  });

  it("does not retry a rejected (4xx) envelope", async () => {
    const { sink, ctx, collector } = await setup();
    collector.answer = () => 401;
    sink.write(makeCall(1));
    await sink.flush();
    expect(collector.requests).toBe(1);
    expect(ctx.drops).toEqual({ "beacon-rejected": 1 });
  });

  it("keeps the queue within maxQueueCalls and maxQueueBytes, counting what it drops", async () => {
    const byCount = await setup({ maxQueueCalls: 10 });
    for (let i = 0; i < 25; i++) byCount.sink.write(makeCall(i));
    expect(byCount.sink.queued().calls).toBe(10);
    expect(byCount.ctx.drops).toEqual({ "beacon-queue-full": 15 });
    await byCount.sink.flush();
    // the newest ten survive
    expect(byCount.collector.callIds()).toEqual(Array.from({ length: 10 }, (_, i) => makeCall(15 + i).id));
    await byCount.collector.close();

    const bySize = await setup({ maxQueueBytes: 20 * KiB });
    for (let i = 0; i < 50; i++) bySize.sink.write(makeCall(i, { completion: { text: "y".repeat(KiB) } }));
    expect(bySize.sink.queued().bytes).toBeLessThanOrEqual(20 * KiB);
    expect(bySize.sink.queued().calls + bySize.ctx.drops["beacon-queue-full"]!).toBe(50);
  });

  it("sends on its own once maxBatchCalls are waiting", async () => {
    const { sink, collector } = await setup({ maxBatchCalls: 5 });
    for (let i = 0; i < 5; i++) sink.write(makeCall(i));
    await collector.waitForCalls(5);
    expect(collector.received[0]!.body.calls).toHaveLength(5);
  });

  it("hands every delivery to waitUntil, from the options and per flush", async () => {
    const kept: Promise<unknown>[] = [];
    const perFlush: Promise<unknown>[] = [];
    const { sink, collector } = await setup({ waitUntil: (p) => kept.push(p) });
    sink.write(makeCall(1));
    const flushed = sink.flush({ waitUntil: (p) => perFlush.push(p) });
    expect(kept).toHaveLength(1);
    expect(perFlush).toHaveLength(1);
    await Promise.all([...kept, ...perFlush]);
    expect(collector.callIds()).toEqual(["call-000001"]);
    await flushed;
  });
});

describe("beaconSink batching", () => {
  it("keeps calls that come while a batch is on its way for the next interval, and a flush sends them at once", async () => {
    vi.useFakeTimers();
    const posted: number[] = [];
    let answer!: () => void;
    const endpoint = (async (_url: unknown, init?: RequestInit) => {
      posted.push(JSON.parse(String(init!.body)).calls.length);
      await new Promise<void>((resolve) => (answer = resolve));
      return new Response("{}");
    }) as typeof fetch;
    const sink = beaconSink({ url: "http://127.0.0.1:9/v1/calls", flushIntervalMs: 1000, maxBatchCalls: 3 });
    sink.attach!(recordingContext(endpoint));
    for (let i = 0; i < 3; i++) sink.write(makeCall(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toEqual([3]);
    // two more while the first batch is on its way
    sink.write(makeCall(3));
    sink.write(makeCall(4));
    answer();
    await vi.advanceTimersByTimeAsync(999);
    expect(posted).toEqual([3]);
    expect(sink.queued().calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(posted).toEqual([3, 2]);
    answer();
    // a flush does not wait for the interval
    sink.write(makeCall(5));
    const flushed = sink.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toEqual([3, 2, 1]);
    answer();
    await flushed;
    expect(sink.queued().calls).toBe(0);
  });
});

describe("beaconSink backoff", () => {
  it("waits baseMs, then doubles up to maxMs, scaled by jitter", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0);
    let attempts = 0;
    const down = (async () => {
      attempts++;
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const sink = beaconSink({ url: "http://127.0.0.1:9/v1/calls", flushIntervalMs: 60_000, retry: { baseMs: 100, maxMs: 300, attempts: 4 } });
    const ctx = recordingContext(down);
    sink.attach!(ctx);
    sink.write(makeCall(1));
    const flushed = sink.flush();
    // with jitter factor 0.5 the waits are 50, 100, 150 (capped), 150 ms
    const schedule = [50, 100, 150, 150];
    for (const wait of schedule) {
      const before = attempts;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(attempts).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(attempts).toBe(before + 1);
    }
    await flushed;
    expect(attempts).toBe(5);
    expect(ctx.drops).toEqual({ "beacon-failed": 1 });
  });
});
