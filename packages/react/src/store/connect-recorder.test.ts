import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallStore } from "./call-store.ts";
import { createTraceStore } from "./trace-store.ts";
import { connectRecorder, setCapturePaused } from "./connect-recorder.ts";
import { startRealSetup, type RealSetup } from "../test-support/real-calls.ts";
import { nextFrame } from "../test-support/frames.ts";

let real: RealSetup;
beforeAll(async () => {
  real = await startRealSetup();
});
afterAll(() => real.close());

describe("connectRecorder", () => {
  it("puts the recorder's calls in the store on the next frame", async () => {
    const store = createCallStore();
    const connection = connectRecorder(store, real.recorder, 100);
    const call = await real.chat("What is the capital of France?", { stream: true });
    await nextFrame();
    const stored = store.getState().calls.get(call.id);
    expect(stored?.phase).toBe("done");
    expect(stored?.prompt.text).toContain("capital of France");
    expect(stored?.completion.text.length).toBeGreaterThan(0);
    connection.disconnect();
  });

  it("puts the recorder's traces in the trace store, live from their start and summed at their end", async () => {
    const store = createCallStore();
    const traces = createTraceStore();
    const connection = connectRecorder(store, real.recorder, 100, traces);
    const handle = real.recorder.startTrace("ask-capital");
    handle.step("normalize", () => "paris", { kind: "preprocess" });
    await nextFrame();
    const running = traces.getState().traces.get(handle.id);
    expect(running?.name).toBe("ask-capital");
    expect(running?.durationMs).toBeUndefined();
    const call = await handle.run(() => real.chat("What is the capital of France?", { stream: true }));
    handle.end();
    await real.recorder.flush();
    await nextFrame();
    const trace = traces.getState().traces.get(handle.id)!;
    expect(trace.steps.map((s) => [s.name, s.kind])).toEqual([["normalize", "preprocess"]]);
    expect(trace.durationMs).toBeGreaterThan(0);
    expect(trace.summary).toMatchObject({ calls: 1, errors: 0 });
    expect(trace.summary!.outputTokens).toBe(call.usage.outputTokens);
    expect(store.getState().calls.get(call.id)?.traceId).toBe(handle.id);
    connection.disconnect();
  });

  it("stops listening on disconnect", async () => {
    const store = createCallStore();
    connectRecorder(store, real.recorder, 100).disconnect();
    await real.chat("ignored");
    await nextFrame();
    expect(store.getState().ids).toEqual([]);
  });

  it("pausing stops capture in the recorder and shows in the store", async () => {
    const store = createCallStore();
    const connection = connectRecorder(store, real.recorder, 100);
    setCapturePaused(store, real.recorder, true);
    expect(real.recorder.paused).toBe(true);
    expect(store.getState().paused).toBe(true);
    const before = real.sink.calls().length;
    await real.fetch(`${real.mock.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "unseen" }] }),
    }).then((r) => r.text());
    await real.recorder.flush();
    expect(real.sink.calls().length).toBe(before);
    setCapturePaused(store, real.recorder, false);
    expect(store.getState().paused).toBe(false);
    connection.disconnect();
  });
});
