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
const isCold = (i: BeaconItem) => !!Object.getOwnPropertyDescriptor(i, "json")!.get;

describe("items kept deflated", () => {
  it("read back as the very JSON, keep their byte counts, and spread as plain data", () => {
    const items = [item(1, "Où est ma commande ? 🙂 ".repeat(40)), item(2), item(3)];
    const plain = items.map((i) => ({ ...i }));
    expect(chill(items)).toBe(true);
    expect(items.every(isCold)).toBe(true);
    // read in any order, twice
    for (const n of [2, 0, 1, 0]) expect(items[n]!.json).toBe(plain[n]!.json);
    expect(items.map((i) => ({ ...i }))).toEqual(plain);
    // once is enough
    expect(chill(items)).toBe(false);
  });

  it("leaves short JSON, and JSON that would not shrink, as it is", () => {
    const short: BeaconItem = { id: "s", kind: "feedback", json: '{"callId":"c","score":1}', bytes: 24 };
    expect(chill([short])).toBe(false);
    // random CJK characters: three bytes each in UTF-8, fourteen bits of chance, far over 0.8 bytes a character once deflated
    const noise = Array.from(crypto.getRandomValues(new Uint16Array(2000)), (r) => String.fromCharCode(0x4e00 + (r % 20000))).join("");
    const dense: BeaconItem = { id: "d", kind: "calls", json: JSON.stringify({ noise }), bytes: 0 };
    expect(chill([dense])).toBe(false);
    expect(isCold(short) || isCold(dense)).toBe(false);
  });

  it("deflates a long queue a segment per task, reading it afresh each time, and stops when all are looked at", async () => {
    const queue = [...Array.from({ length: 100 }, (_, i) => item(i)), { id: "s", kind: "feedback", json: "{}", bytes: 2 } as BeaconItem];
    const plain = queue.map((i) => i.json);
    chillWaiting(() => queue);
    const coldNow = queue.filter(isCold).length;
    expect(coldNow).toBeGreaterThan(0);
    expect(coldNow).toBeLessThan(100);
    queue.push(item(100));
    plain.push(queue.at(-1)!.json);
    for (let waited = 0; queue.filter(isCold).length < 101 && waited < 100; waited++) await new Promise((r) => setTimeout(r));
    expect(queue.filter(isCold).length).toBe(101);
    expect(queue.map((i) => i.json)).toEqual(plain);
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
