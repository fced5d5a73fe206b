import { afterEach, describe, expect, it, vi } from "vitest";
import { makeCall, makeRecordedCall, recordingContext } from "../indexeddb/test-calls.ts";
import { beaconSink } from "./lazy-beacon-sink.ts";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";

let collector: TestCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
  vi.unstubAllGlobals();
});

type Delivery = typeof import("./beacon-sink.ts");

/** a page: its document, window listeners, and sendBeacon (refusing, so the keepalive fetch carries the send to the collector) */
function stubPage() {
  const page = new EventTarget();
  const document = Object.assign(new EventTarget(), { hidden: false });
  const beacons: string[] = [];
  vi.stubGlobal("document", document);
  vi.stubGlobal("addEventListener", page.addEventListener.bind(page));
  vi.stubGlobal("navigator", { sendBeacon: (_url: string, body: string) => (beacons.push(body), false) });
  return { hide: () => page.dispatchEvent(new Event("pagehide")), beacons };
}

const setup = async (load: () => Promise<Delivery>) => {
  collector = await startTestCollector();
  const url = `${collector.origin}/v1/calls`;
  const sink = beaconSink({ url, writeKey: "wk_1", flushIntervalMs: 60_000 }, load);
  const ctx = recordingContext();
  sink.attach!(ctx);
  return { sink, ctx, collector, url };
};
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((wake) => setTimeout(wake, 5));
};

describe("beaconSink in browser builds: the delivery a chunk", () => {
  it("hands what was written before the chunk loaded to the delivery, in order", async () => {
    let loaded!: (m: Delivery) => void;
    const { sink, collector } = await setup(() => new Promise((resolve) => (loaded = resolve)));
    sink.write(makeCall(1));
    sink.feedback!("call-000001", { score: 1, at: 5 });
    sink.write(makeCall(2));
    expect(sink.queued().calls).toBe(3);
    loaded(await import("./beacon-sink.ts"));
    await sink.flush();
    expect(collector.callIds()).toEqual(["call-000001", "call-000002"]);
    expect(collector.received.find((e) => e.path == "/v1/feedback")?.body.feedback).toEqual([{ callId: "call-000001", score: 1, at: 5 }]);
  });

  it("sends what waits, plain and whole, when the page hides before the chunk has loaded; the chunk, loaded later, sends none again", async () => {
    const page = stubPage();
    let loaded!: (m: Delivery) => void;
    const { sink, ctx, collector } = await setup(() => new Promise((resolve) => (loaded = resolve)));
    const calls = [makeRecordedCall(1), makeRecordedCall(2), makeCall(3)];
    calls.forEach((c) => sink.write(c));
    page.hide();
    await until(() => collector.callIds().length == 3);
    expect(page.beacons).toHaveLength(1);
    const { body } = collector.received[0]!;
    expect(body).toMatchObject({ v: 1, writeKey: "wk_1" });
    const sent = body.calls!;
    // as written, less the raw bodies (their byte counts stay)
    expect(sent[0]!.request).toEqual({ headers: calls[0]!.request!.headers, bodyBytes: 120 });
    expect(sent[0]!.completion).toEqual(calls[0]!.completion);
    expect(sent[2]).toEqual(calls[2]);
    loaded(await import("./beacon-sink.ts"));
    await sink.flush();
    expect(collector.callIds()).toHaveLength(3);
    expect(ctx.drops).toEqual({});
  });

  it("still sends at page hide when the chunk fails to load, counts a call too large for one beacon, and tries the chunk again on the next write", async () => {
    const page = stubPage();
    let attempts = 0;
    const { sink, ctx, collector } = await setup(async () => {
      attempts++;
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    // the load begun when the sink was created
    await until(() => ctx.errors.length == 1);
    expect(attempts).toBe(1);
    sink.write(makeCall(1));
    sink.write(makeCall(2, { completion: { text: "x".repeat(70_000) } }));
    sink.write(makeCall(3));
    // tried again by the next write, once
    await until(() => ctx.errors.length == 2);
    expect(attempts).toBe(2);
    expect(sink.queued().calls).toBe(3);
    page.hide();
    await until(() => collector.callIds().length == 2);
    expect(collector.callIds()).toEqual(["call-000001", "call-000003"]);
    expect(ctx.drops).toEqual({ "beacon-too-large": 1 });
  });
});
