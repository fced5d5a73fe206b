// Calls, steps and traces that end before the call-end chunk has arrived wait
// for it in the order they came: nothing is lost, events keep their order,
// timings are those of the moment things happened. If the chunk cannot load,
// or the page hides first, a call goes out without what only the chunk can do
// safely (call-without-chunk.ts), never unscrubbed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { RecorderEvent } from "../types.ts";
import * as callEnd from "./call-end.ts";
import { createRecorder } from "./create-recorder.ts";

// the chunk's loader: failing every attempt, or held back until a test lets it through
const chunk = vi.hoisted(() => ({ loaded: undefined as unknown, failing: true, attempts: 0, open: () => {}, loading: undefined as Promise<unknown> | undefined }));
vi.mock("./call-end-lazy.ts", async () => ({
  // what stands in for the chunk is the real one
  withoutCallEnd: (await import("./call-without-chunk.ts")).withoutCallEnd,
  callEndNow: () => chunk.loaded,
  loadCallEnd: () => {
    chunk.attempts++;
    if (chunk.failing) return Promise.reject(new Error("chunk gone"));
    return (chunk.loading ??= new Promise((resolve) => (chunk.open = () => resolve((chunk.loaded = callEnd)))));
  },
}));

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
// a query with a credential in it, and one that is none
const CHAT_QUERY = `${CHAT}?api-version=2024-10-21&key=sk-in-query`;
const body = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi https://x.test/?api_key=sk-secret" }] });
const TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
const headers = { "content-type": "application/json", authorization: "Bearer sk-in-header", traceparent: TRACEPARENT };
const refused = (async () => new Response(JSON.stringify({ error: { message: "Rate limit reached", type: "requests" } }), { status: 429, headers: { "content-type": "application/json" } })) as typeof fetch;

/** waits at least ms by performance.now(), the clock the recorder times with */
async function sleep(ms: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) await new Promise<void>((r) => setTimeout(r, ms));
  return performance.now() - t0;
}

describe("work that ends before the call-end chunk has arrived", () => {
  it("cannot load: the call goes out without bodies, headers, query, prompt, parameters, fingerprint or cost, its error kind from its status; the failure is counted", async () => {
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const f = recorder.wrap(refused);
    expect((await f(CHAT_QUERY, { method: "POST", body, headers })).status).toBe(429);
    await recorder.flush();
    const [call] = sink.calls();
    expect(call).toMatchObject({ phase: "done", status: 429, params: {}, fingerprint: "", error: { kind: "rate_limit", status: 429, message: "HTTP 429" } });
    expect(call!.request!.body).toBeUndefined();
    expect(call!.response!.body).toBeUndefined();
    // the request is read with the chunk: without it only what needs no scrub is kept
    expect(call!.url).toBe(CHAT);
    expect(call!.request!.headers).toEqual({});
    expect(call!.response!.headers).toEqual({});
    expect(call!.prompt).toEqual({ messages: [], text: "" });
    expect(call!.model).toBe("gpt-4o");
    expect(call!.traceparent).toBe(TRACEPARENT);
    expect(JSON.stringify(call)).not.toMatch(/sk-in-|sk-secret/);
    expect(call!.cost).toBeUndefined();
    expect(recorder.stats().internalErrors).toBeGreaterThan(0);
    // on wrap, and again by what waited
    expect(chunk.attempts).toBeGreaterThanOrEqual(2);
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
      // read, so the call has ended before the wait begins
      expect(await (await f(CHAT_QUERY, { method: "POST", body, headers })).text()).toContain("Rate limit");
      waited = await sleep(30);
    });
    // nothing has left while the chunk is on its way
    expect(sink.calls()).toEqual([]);
    expect(sink.traces()).toEqual([]);
    expect(events.filter((t) => t === "start" || t === "end")).toEqual([]);
    const released = Date.now();
    chunk.open();
    await recorder.flush();
    const [call] = sink.calls();
    expect(call).toMatchObject({ status: 429, error: { kind: "rate_limit" } });
    expect(call!.fingerprint).not.toBe("");
    expect(call!.request!.body).toContain("api_key=REDACTED");
    // read once the chunk came: the prompt and model from the body, the URL and headers without their secrets
    expect(call).toMatchObject({ model: "gpt-4o", traceparent: TRACEPARENT, prompt: { text: "Say hi https://x.test/?api_key=sk-secret" } });
    expect(call!.url).toContain("api-version=2024-10-21");
    expect(call!.url).not.toContain("sk-in-query");
    expect(call!.request!.headers).toEqual({ "content-type": "application/json", traceparent: TRACEPARENT });
    expect(call!.response!.headers).toEqual({ "content-type": "application/json" });
    expect(call!.endedAt).toBeLessThanOrEqual(released);
    const [trace] = sink.traces();
    expect(trace!.steps.map((s) => [s.kind, s.error])).toEqual([["http", undefined]]);
    // the step ended before the wait began, and the trace after it: by the clock both are timed with
    const step = trace!.steps[0]!;
    expect(step.startedAt + step.durationMs! - trace!.startedAt).toBeLessThanOrEqual(trace!.durationMs! - waited + 1e-6);
    expect(trace!.callIds).toEqual([call!.id]);
    expect(events.filter((t) => t !== "trace-update")).toEqual(["trace-start", "start", "end", "trace-end"]);
    expect(recorder.stats()).toMatchObject({ dropped: 0, internalErrors: 0 });
  });
});

describe("a page that hides while the call-end chunk is on its way", () => {
  afterEach(() => void vi.unstubAllGlobals());

  it("hands what waits to the sinks before theirs run, and nothing twice once the chunk arrives", async () => {
    // a page: its document and its window's listeners
    const listeners = new Map<string, (() => void)[]>();
    const on = (type: string, fn: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]);
    vi.stubGlobal("document", { visibilityState: "visible", addEventListener: on });
    vi.stubGlobal("addEventListener", on);
    chunk.loaded = undefined;
    chunk.loading = undefined;
    const sink = memorySink();
    const held: string[] = [];
    // a sink that, like the IndexedDB and beacon sinks, takes what it holds away when the page hides
    const storing = { name: "storing", attach: () => on("pagehide", () => held.push(...sink.calls().map((c) => c.id))), write: () => {} };
    const recorder = createRecorder({ sinks: [sink, storing] });
    const f = recorder.wrap(refused);
    expect(await (await f(CHAT_QUERY, { method: "POST", body, headers })).text()).toContain("Rate limit");
    await sleep(10);
    expect(sink.calls()).toEqual([]);
    for (const hide of listeners.get("pagehide")!) hide();
    const [call] = sink.calls();
    expect(call).toMatchObject({ status: 429, params: {}, error: { kind: "rate_limit" }, model: "gpt-4o", traceparent: TRACEPARENT, url: CHAT });
    expect(call!.request!.body).toBeUndefined();
    expect(call!.request!.headers).toEqual({});
    expect(JSON.stringify(call)).not.toMatch(/sk-in-|sk-secret/);
    expect(held).toEqual([call!.id]);
    chunk.open();
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
  });
});
