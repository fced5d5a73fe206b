// Compression is offered by the collector, never assumed: a stand-in collector
// on 127.0.0.1 that says (or does not say) it reads gzip.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall, recordingContext } from "../indexeddb/test-calls.ts";
import { beaconSink, type BeaconSinkOptions } from "./beacon-sink.ts";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";

let collector: TestCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

const setup = async (acceptEncoding: string | undefined, options: Partial<BeaconSinkOptions> = {}) => {
  collector = await startTestCollector();
  collector.acceptEncoding = acceptEncoding;
  const sink = beaconSink({ url: `${collector.origin}/v1/calls`, flushIntervalMs: 60_000, ...options });
  const ctx = recordingContext();
  sink.attach!(ctx);
  /** writes calls from..to-1 and flushes them as one batch */
  const batch = async (from: number, to: number) => {
    for (let i = from; i < to; i++) sink.write(makeCall(i, { prompt: { messages: [{ role: "user", content: `Order ${i} has not arrived` }], text: `Order ${i} has not arrived` } }));
    await sink.flush();
  };
  return { sink, ctx, collector, batch };
};
const encodings = (c: TestCollector) => c.received.map((e) => e.encoding ?? "plain");

describe("beaconSink compression", () => {
  it("sends the first batch plain and gzips the next ones once the collector said it reads gzip; what arrives is what was written", async () => {
    const { ctx, collector, batch } = await setup("gzip");
    await batch(0, 50);
    await batch(50, 100);
    await batch(100, 150);
    expect(encodings(collector)).toEqual(["plain", "gzip", "gzip"]);
    const [plain, zipped] = collector.received;
    expect(zipped!.contentType).toMatch(/^text\/plain(;|$)/);
    // the same number of calls of the same shape, several times smaller on the wire
    expect(zipped!.bytes * 4).toBeLessThan(plain!.bytes);
    expect(collector.received.flatMap((e) => e.body.calls)).toEqual(
      Array.from({ length: 150 }, (_, i) => makeCall(i, { prompt: { messages: [{ role: "user", content: `Order ${i} has not arrived` }], text: `Order ${i} has not arrived` } })),
    );
    expect(ctx.drops).toEqual({});
  });

  it("never compresses for a collector that does not say it reads gzip, nor with compress: false", async () => {
    const silent = await setup(undefined);
    await silent.batch(0, 5);
    await silent.batch(5, 10);
    expect(encodings(silent.collector)).toEqual(["plain", "plain"]);
    await silent.collector.close();
    const off = await setup("gzip", { compress: false });
    await off.batch(0, 5);
    await off.batch(5, 10);
    expect(encodings(off.collector)).toEqual(["plain", "plain"]);
  });

  it("a compressed batch refused with a 4xx (an older collector now behind the URL) goes again plain, and later ones stay plain", async () => {
    const { ctx, collector, batch } = await setup("gzip");
    await batch(0, 3);
    // the older collector: it cannot read gzip (a 400, body is not JSON) and does not offer it
    collector.answer = (req) => (req.headers["content-encoding"] ? 400 : 200);
    collector.acceptEncoding = undefined;
    await batch(3, 6);
    await batch(6, 9);
    expect(collector.requests).toBe(4);
    expect(encodings(collector)).toEqual(["plain", "plain", "plain"]);
    expect(collector.callIds()).toEqual(Array.from({ length: 9 }, (_, i) => makeCall(i).id));
    expect(ctx.drops).toEqual({});
  });
});
