// Outside Workers, once the call-end chunk is at hand, calls' ends are gathered
// and run together (GATHER in call-end-line.ts): due after GATHER.ms, at once
// when GATHER.calls wait, on flush() and when the page hides, and never while
// someone subscribes. Only the gathering's timer is faked; every task is real.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GATHER } from "./call-end-line.ts";
import { memorySink } from "../sinks/memory-sink.ts";
import type { Recorder } from "../types.ts";
import { createRecorder } from "./create-recorder.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const completion = {
  id: "c1",
  model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, message: { role: "assistant", content: "Hi there" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};
const answer = (async () => new Response(JSON.stringify(completion), { headers: { "content-type": "application/json" } })) as typeof fetch;
const tasks = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

let sink: ReturnType<typeof memorySink>;
let recorder: Recorder;
let ask: (n: number) => Promise<unknown>;
/**
 * A recorder whose chunk has loaded, before the gathering's timer is faked: a call made and flushed, and another
 * made once the chunk was at hand, so its gathering began on a real timer and was run early by flush()
 */
async function start() {
  sink = memorySink();
  recorder = createRecorder({ sinks: [sink] });
  const f = recorder.wrap(answer);
  ask = async (n) => (await f(CHAT, { method: "POST", body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: `Say hi to ${n}` }] }) })).json();
  await ask(0);
  await recorder.flush();
  // in a trace, so a trace's way out (#trace-finish) has loaded too
  await recorder.trace("start", () => ask(0));
  await recorder.flush();
  expect(sink.calls()).toHaveLength(2);
  expect(sink.traces()).toHaveLength(1);
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
}
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("calls' ends gathered", () => {
  beforeEach(start);

  it("are not delivered before the gathering is due, and all together when it is, each read whole", async () => {
    for (let n = 1; n <= 3; n++) await ask(n);
    const answered = Date.now();
    // real time passes, more than a gathering: the one start()'s flush ran early left no timer behind to run these
    for (const t0 = performance.now(); performance.now() - t0 < 2 * GATHER.ms; ) await tasks(1);
    expect(sink.calls()).toHaveLength(2);
    vi.advanceTimersByTime(GATHER.ms);
    const calls = sink.calls();
    expect(calls.map((c) => c.prompt.text)).toEqual(["Say hi to 0", "Say hi to 0", "Say hi to 1", "Say hi to 2", "Say hi to 3"]);
    // read with the chunk: fingerprint, price, headers
    expect(new Set(calls.map((c) => c.fingerprint)).size).toBe(1);
    expect(calls[4]!.fingerprint).not.toBe("");
    expect(calls[4]!.cost?.totalUSD).toBeGreaterThan(0);
    expect(calls[4]!.response!.headers).toEqual({ "content-type": "application/json" });
    // each timed when it ended, not when its gathering ran
    for (const call of calls.slice(2)) {
      expect(call.endedAt! - call.startedAt).toBe(Math.round(call.timing.durationMs!));
      expect(call.endedAt).toBeLessThanOrEqual(answered + 1);
    }
    expect(recorder.stats()).toMatchObject({ captured: 5, inFlight: 0, internalErrors: 0, dropped: 0 });
  });

  it("run as soon as GATHER.calls wait, the rest when the next gathering is due", async () => {
    await Promise.all(Array.from({ length: GATHER.calls + 1 }, (_, i) => ask(i + 1)));
    await tasks();
    expect(sink.calls()).toHaveLength(2 + GATHER.calls);
    vi.advanceTimersByTime(GATHER.ms);
    expect(sink.calls()).toHaveLength(3 + GATHER.calls);
  });

  it("take in what their own run adds, and leave no timer for it: a trace that ended before its call's end goes out with it", async () => {
    await recorder.trace("ask", () => ask(1));
    await tasks();
    expect(sink.traces()).toHaveLength(1);
    vi.advanceTimersByTime(GATHER.ms);
    await tasks();
    expect(sink.traces().map((t) => t.name)).toEqual(["start", "ask"]);
    expect(sink.traces()[1]!.callIds).toEqual([sink.calls()[2]!.id]);
    // the next gathering is due GATHER.ms after its own first end, not when a timer the trace's close set runs out
    vi.advanceTimersByTime(GATHER.ms / 2);
    await ask(2);
    await tasks();
    vi.advanceTimersByTime(GATHER.ms / 2);
    expect(sink.calls()).toHaveLength(3);
    vi.advanceTimersByTime(GATHER.ms / 2);
    expect(sink.calls()).toHaveLength(4);
  });

  it("are delivered by flush() at once, without waiting for the gathering", async () => {
    await ask(1);
    await recorder.flush();
    expect(sink.calls().map((c) => c.prompt.text)).toEqual(["Say hi to 0", "Say hi to 0", "Say hi to 1"]);
  });

  it("are not gathered while someone subscribes: each end comes as it happens, after those gathered before", async () => {
    await ask(1);
    await tasks();
    const ends: string[] = [];
    recorder.subscribe((e) => e.type == "end" && ends.push(e.call.prompt.text));
    await ask(2);
    await tasks();
    expect(ends).toEqual(["Say hi to 1", "Say hi to 2"]);
    await ask(3);
    await tasks();
    expect(ends).toEqual(["Say hi to 1", "Say hi to 2", "Say hi to 3"]);
    expect(sink.calls()).toHaveLength(5);
  });
});

describe("a page that hides while calls' ends are gathered", () => {
  it("hands them to the sinks, read with the chunk", async () => {
    const listeners = new Map<string, (() => void)[]>();
    const on = (type: string, fn: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]);
    vi.stubGlobal("document", { visibilityState: "visible", addEventListener: on });
    vi.stubGlobal("addEventListener", on);
    await start();
    await ask(1);
    await tasks();
    expect(sink.calls()).toHaveLength(2);
    for (const fn of listeners.get("pagehide")!) fn();
    const call = sink.calls()[2]!;
    expect(call.prompt.text).toBe("Say hi to 1");
    expect(call.fingerprint).not.toBe("");
  });
});
