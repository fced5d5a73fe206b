// What waits while the collector is unreachable is kept deflated, and goes out
// exactly as it was written once the collector is back.
import { afterEach, describe, expect, it } from "vitest";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";
import { makeCall, recordingContext } from "../indexeddb/test-calls.ts";
import type { BeaconItem } from "./beacon-outbox.ts";
import { beaconSink } from "./beacon-sink.ts";
import { chill, chillWaiting } from "./cold-items.ts";

const item = (i: number, text = `Order ${i} has not arrived. `.repeat(40)): BeaconItem => {
  const json = JSON.stringify(makeCall(i, { prompt: { messages: [{ role: "user", content: text }], text } }));
  return { id: `call-${i}`, kind: "calls", json, bytes: Buffer.byteLength(json) };
};
/** the heap a string's characters take, as V8 holds them: an own data property's value */
const ownJson = (i: BeaconItem) => Object.getOwnPropertyDescriptor(i, "json")!;

describe("an item kept deflated", () => {
  it("reads back as the very JSON, keeps its byte count, and spreads as plain data", () => {
    const it = item(1, "Où est ma commande ? 🙂 ".repeat(40));
    const { json, bytes } = it;
    expect(chill(it)).toBe(true);
    expect(ownJson(it).get).toBeTypeOf("function");
    expect(it.json).toBe(json);
    expect(it.bytes).toBe(bytes);
    expect({ ...it }).toEqual({ id: it.id, kind: "calls", json, bytes });
    // once is enough
    expect(chill(it)).toBe(false);
  });

  it("leaves short JSON, and JSON that would not shrink, as it is", () => {
    const short: BeaconItem = { id: "s", kind: "feedback", json: '{"callId":"c","score":1}', bytes: 24 };
    expect(chill(short)).toBe(false);
    // random CJK characters: three bytes each in UTF-8, fourteen bits of chance, far over 0.8 bytes a character once deflated
    const noise = Array.from(crypto.getRandomValues(new Uint16Array(2000)), (r) => String.fromCharCode(0x4e00 + (r % 20000))).join("");
    const dense: BeaconItem = { id: "d", kind: "calls", json: JSON.stringify({ noise }), bytes: 0 };
    expect(chill(dense)).toBe(false);
    expect(ownJson(short).value).toBe(short.json);
    expect(ownJson(dense).value).toBeTypeOf("string");
  });

  it("deflates a long queue a slice per task, reading it afresh each time", async () => {
    const queue = Array.from({ length: 100 }, (_, i) => item(i));
    chillWaiting(() => queue);
    const coldNow = queue.filter((i) => ownJson(i).get).length;
    expect(coldNow).toBeGreaterThan(0);
    expect(coldNow).toBeLessThan(100);
    queue.push(item(100));
    for (let waited = 0; queue.some((i) => !ownJson(i).get) && waited < 100; waited++) await new Promise((r) => setTimeout(r));
    expect(queue.every((i) => ownJson(i).get)).toBe(true);
  });
});

describe("beaconSink while the collector is unreachable", () => {
  let collector: TestCollector | undefined;
  afterEach(async () => void (await collector?.close()));

  it("keeps the waiting calls deflated and delivers each once, whole, when it is back", async () => {
    collector = await startTestCollector();
    collector.answer = (_req, n) => (n <= 3 ? 503 : 200);
    const sink = beaconSink({ url: `${collector.origin}/v1/calls`, flushIntervalMs: 60_000, retry: { baseMs: 20, maxMs: 40, attempts: 5 } });
    const ctx = recordingContext();
    sink.attach!(ctx);
    const calls = Array.from({ length: 40 }, (_, i) => makeCall(i, { prompt: { messages: [{ role: "user", content: `Order ${i} has not arrived. `.repeat(40) }], text: "" } }));
    for (const c of calls) sink.write(c);
    const bytes = sink.queued().bytes;
    await sink.flush();
    expect(collector.requests).toBe(4);
    expect(collector.received.flatMap((e) => e.body.calls)).toEqual(calls);
    expect(sink.queued()).toEqual({ calls: 0, bytes: 0 });
    expect(bytes).toBeGreaterThan(40 * 1000);
    expect(ctx.drops).toEqual({});
  });
});
