import { afterEach, describe, expect, it } from "vitest";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";
import { makeCall, recordingContext } from "../indexeddb/test-calls.ts";
import type { Step, Trace } from "../trace/types.ts";
import { beaconSink } from "./beacon-sink.ts";
import { serializeTrace } from "./beacon-trace.ts";

let collector: TestCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

const step = (i: number): Step => ({ id: `s${i}`, traceId: "t", name: `step ${i}`, kind: "tool", startedAt: i, durationMs: 1, attributes: { result: "r".repeat(500) } });
const trace = (steps: number): Trace => ({ id: "t", name: "answer", sessionId: "s", tags: {}, startedAt: 0, durationMs: 10, steps: Array.from({ length: steps }, (_, i) => step(i)), summary: { calls: 1, inputTokens: 1, outputTokens: 1, costUSD: 0, errors: 0, llmMs: 1, retrievalMs: 0, toolMs: 1, preprocessMs: 0, httpMs: 0, selfMs: 8 } });

describe("serializeTrace", () => {
  it("keeps a trace that fits as it is", () => {
    const t = trace(2);
    expect(JSON.parse(serializeTrace(t, 60_000)!.json)).toEqual(t);
  });

  it("fits a large trace by keeping its first steps and counting the rest, summary intact", () => {
    const fit = serializeTrace(trace(500), 20_000)!;
    expect(fit.bytes).toBeLessThanOrEqual(20_000);
    const back = JSON.parse(fit.json) as Trace;
    expect(back.steps.length + back.droppedSteps!).toBe(500);
    expect(back.steps[0]!.id).toBe("s0");
    expect(back.summary!.selfMs).toBe(8);
  });

  it("gives up only when not even the bare trace fits", () => {
    expect(serializeTrace(trace(3), 50)).toBeUndefined();
  });
});

describe("beaconSink and traces", () => {
  it("sends traces to the calls endpoint in an envelope with an empty calls list, apart from calls", async () => {
    collector = await startTestCollector();
    const sink = beaconSink({ url: `${collector.origin}/v1/calls`, writeKey: "wk", flushIntervalMs: 60_000 });
    sink.attach!(recordingContext());
    sink.write(makeCall(1));
    sink.writeTrace!(trace(2));
    await sink.flush();
    const [calls, traces] = collector.received;
    expect(calls!.body).toMatchObject({ v: 1, writeKey: "wk", calls: [makeCall(1)] });
    expect(calls!.body.traces).toBeUndefined();
    expect(traces!.path).toBe("/v1/calls");
    expect(traces!.body).toMatchObject({ v: 1, writeKey: "wk", calls: [], traces: [trace(2)] });
  });
});
