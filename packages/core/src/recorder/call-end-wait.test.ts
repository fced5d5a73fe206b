// Calls, steps and traces that end before the call-end chunk has arrived wait
// for it in the order they came: nothing is lost, events keep their order,
// timings are those of the moment things happened, and if the chunk cannot
// load a call is dropped and counted rather than delivered unscrubbed.
import { describe, expect, it, vi } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { RecorderEvent } from "../types.ts";
import * as callEnd from "./call-end.ts";
import { createRecorder } from "./create-recorder.ts";

// the chunk's loader: failing every attempt, or held back until a test lets it through
const chunk = vi.hoisted(() => ({ loaded: undefined as unknown, failing: true, attempts: 0, open: () => {}, loading: undefined as Promise<unknown> | undefined }));
vi.mock("#load-call-end", () => ({
  callEndNow: () => chunk.loaded,
  loadCallEnd: () => {
    chunk.attempts++;
    if (chunk.failing) return Promise.reject(new Error("chunk gone"));
    return (chunk.loading ??= new Promise((resolve) => (chunk.open = () => resolve((chunk.loaded = callEnd)))));
  },
}));

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const body = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi https://x.test/?api_key=sk-secret" }] });
const refused = (async () => new Response(JSON.stringify({ error: { message: "Rate limit reached", type: "requests" } }), { status: 429, headers: { "content-type": "application/json" } })) as typeof fetch;

/** waits at least ms by performance.now(), the clock the recorder times with */
async function sleep(ms: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) await new Promise<void>((r) => setTimeout(r, ms));
  return performance.now() - t0;
}

describe("work that ends before the call-end chunk has arrived", () => {
  it("cannot load: the call is dropped and counted, never delivered unscrubbed; each later need tries the load again", async () => {
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const f = recorder.wrap(refused);
    expect((await f(CHAT, { method: "POST", body })).status).toBe(429);
    await recorder.flush();
    expect(sink.calls()).toEqual([]);
    expect(recorder.stats()).toMatchObject({ dropped: 1, droppedByReason: { recorder_chunk_failed: 1 } });
    expect(recorder.stats().internalErrors).toBeGreaterThan(0);
    // wrap, the start and the end each tried
    expect(chunk.attempts).toBe(3);
  });

  it("waits for it: the call, the http step and the trace arrive whole and in order, timed when they happened", async () => {
    chunk.failing = false;
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const events: RecorderEvent["type"][] = [];
    recorder.subscribe((e) => events.push(e.type));
    const f = recorder.wrap((async (input: RequestInfo | URL) => (String(input).includes("/search") ? new Response("[]") : refused(input))) as typeof fetch);
    let waited = 0;
    await recorder.trace("ask", async () => {
      expect((await f("http://127.0.0.1:9/search?q=x")).status).toBe(200);
      expect((await f(CHAT, { method: "POST", body })).status).toBe(429);
      waited = await sleep(30);
    });
    // nothing has left while the chunk is on its way
    expect(sink.calls()).toEqual([]);
    expect(sink.traces()).toEqual([]);
    expect(events.filter((t) => t === "start" || t === "end")).toEqual([]);
    chunk.open();
    await recorder.flush();
    const [call] = sink.calls();
    expect(call).toMatchObject({ status: 429, error: { kind: "rate_limit" } });
    expect(call!.fingerprint).not.toBe("");
    expect(call!.request!.body).toContain("api_key=REDACTED");
    expect(call!.timing.durationMs).toBeLessThan(waited);
    const [trace] = sink.traces();
    expect(trace!.steps.map((s) => [s.kind, s.durationMs! < waited, s.error])).toEqual([["http", true, undefined]]);
    expect(trace!.callIds).toEqual([call!.id]);
    expect(events.filter((t) => t !== "trace-update")).toEqual(["trace-start", "start", "end", "trace-end"]);
    expect(recorder.stats()).toMatchObject({ dropped: 0, internalErrors: 0 });
  });
});
