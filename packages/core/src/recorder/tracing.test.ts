import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { RecorderEvent, RecorderOptions } from "../types.ts";
import { createRecorder } from "./create-recorder.ts";

const completion = { id: "c1", model: "gpt-4o", choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 9, completion_tokens: 2 } };
const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const chatInit = { method: "POST", body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi" }] }) };
const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

/** a recorder over a fetch that answers LLM calls with a completion and anything else with `status` */
function setup(options: RecorderOptions = {}, status = 200) {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], asyncLocalStorage: AsyncLocalStorage, ...options });
  const fetch = recorder.wrap((async (input: RequestInfo | URL) => {
    await tick();
    if (String(input).includes("/v1/chat/")) return new Response(JSON.stringify(completion), { headers: { "content-type": "application/json" } });
    return new Response("ok", { status });
  }) as typeof globalThis.fetch);
  const chat = async () => (await fetch(CHAT, chatInit)).json();
  return { sink, recorder, fetch, chat };
}

describe("recorder.trace and recorder.step", () => {
  it("a call inside carries the trace and its innermost step; the trace arrives with its steps, call ids and summary", async () => {
    const { sink, recorder, chat } = setup({ tags: { app: "t" } });
    const value = await recorder.trace(
      "answer",
      async () => {
        await recorder.step("outer", () => recorder.step("inner", async () => (await tick(), chat())), { kind: "agent" });
        await chat();
        return 42;
      },
      { tags: { userId: "u1" } },
    );
    expect(value).toBe(42);
    await recorder.flush();
    const [trace] = sink.traces();
    const [inner, outerCall] = sink.calls();
    expect(trace!.name).toBe("answer");
    expect(trace!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(trace!.tags).toEqual({ app: "t", userId: "u1" });
    expect(trace!.steps.map((s) => [s.name, s.kind])).toEqual([["outer", "agent"], ["inner", "custom"]]);
    const [outer, innerStep] = trace!.steps;
    expect(innerStep!.parentId).toBe(outer!.id);
    expect(outer!.parentId).toBeUndefined();
    expect(inner!.traceId).toBe(trace!.id);
    expect(inner!.parentId).toBe(innerStep!.id);
    expect(inner!.tags).toEqual({ app: "t", userId: "u1" });
    expect(outerCall!.traceId).toBe(trace!.id);
    expect(outerCall!.parentId).toBeUndefined();
    expect(trace!.callIds).toEqual([inner!.id, outerCall!.id]);
    expect(trace!.summary).toMatchObject({ calls: 2, inputTokens: 18, outputTokens: 4, errors: 0 });
    expect(trace!.summary!.llmMs).toBeGreaterThan(0);
    expect(trace!.summary!.llmMs + trace!.summary!.selfMs).toBeLessThanOrEqual(trace!.durationMs! + 1e-9);
  });

  it("outside any trace nothing changes: no trace id, non-LLM fetches unrecorded, step just runs fn", async () => {
    const { sink, recorder, fetch, chat } = setup();
    expect(recorder.step("alone", () => 7)).toBe(7);
    await fetch("http://127.0.0.1:9/search?q=x");
    await chat();
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
    expect(sink.calls()[0]!.traceId).toBeUndefined();
    expect(sink.traces()).toEqual([]);
  });

  it("non-LLM fetches inside are http steps without query, credentials or bodies; known retrieval APIs are retrieval steps", async () => {
    const { sink, recorder, fetch } = setup({}, 404);
    await recorder.trace("search", async () => {
      await fetch("http://user:pw@127.0.0.1:9/search?key=SECRET&q=x", { method: "POST", body: "SECRET body", headers: { authorization: "Bearer SECRET" } });
      await fetch("http://127.0.0.1:9/collections/docs/points/search", { method: "POST" });
    });
    await recorder.flush();
    const [http, retrieval] = sink.traces()[0]!.steps;
    expect(http).toMatchObject({ name: "POST 127.0.0.1:9 /search", kind: "http", error: { kind: "invalid_request" } });
    expect(http!.attributes).toEqual({ "http.request.method": "POST", "server.address": "127.0.0.1:9", "url.path": "/search", "http.response.status_code": 404 });
    expect(retrieval).toMatchObject({ kind: "retrieval", attributes: { "db.system": "qdrant" } });
    expect(JSON.stringify(sink.traces())).not.toMatch(/SECRET|user|pw@/);
  });

  it("a thrown or rejected fn ends its trace and step with the error and the same object reaches the caller", async () => {
    const { sink, recorder } = setup();
    const error = new TypeError("bad input");
    await expect(recorder.trace("t", () => recorder.step("s", async () => Promise.reject(error)))).rejects.toBe(error);
    const sync = new Error("sync");
    expect(() =>
      recorder.trace("u", () => {
        throw sync;
      }),
    ).toThrow(sync);
    await recorder.flush();
    const [t, u] = sink.traces();
    expect(t!.error).toEqual({ kind: "TypeError", message: "bad input" });
    expect(t!.steps[0]!.error).toEqual({ kind: "TypeError", message: "bad input" });
    expect(t!.summary!.errors).toBe(1);
    expect(u!.error).toEqual({ kind: "Error", message: "sync" });
  });

  it("adopts an incoming traceparent, and concurrent traces never cross", async () => {
    const { sink, recorder, chat } = setup();
    const incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    await Promise.all(["a", "b", "c"].map((name) => recorder.trace(name, async () => (await tick(3 - name.charCodeAt(0) % 3), chat()), name === "a" ? { traceparent: incoming } : {})));
    await recorder.flush();
    const traces = sink.traces();
    expect(traces.find((t) => t.name === "a")).toMatchObject({ id: "0af7651916cd43dd8448eb211c80319c", parentSpanId: "b7ad6b7169203331" });
    for (const trace of traces) expect(sink.calls().filter((c) => c.traceId === trace.id).map((c) => c.id)).toEqual(trace.callIds);
  });
});

describe("recorder.startTrace", () => {
  it("a handle times steps by hand and by fn, gives a traceparent for its innermost step, and ends once", async () => {
    const { sink, recorder, chat } = setup();
    const events: RecorderEvent["type"][] = [];
    recorder.subscribe((e) => events.push(e.type));
    const handle = recorder.startTrace("page");
    const load = handle.startStep("load", { kind: "preprocess", attributes: { n: 1 } });
    expect(handle.traceparent()).toBe(`00-${handle.id}-${load.id}-01`);
    load.setAttributes({ docs: 3 });
    load.end();
    // no step open: the root's own span
    const atRoot = handle.traceparent();
    await handle.step("ask", () => handle.run(chat), { kind: "agent" });
    handle.end();
    handle.end(new Error("late"));
    await recorder.flush();
    const [trace] = sink.traces();
    expect(trace!.error).toBeUndefined();
    expect(trace!.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(atRoot).toBe(`00-${trace!.id}-${trace!.spanId}-01`);
    expect(trace!.steps.map((s) => [s.name, s.kind, s.attributes])).toEqual([["load", "preprocess", { n: 1, docs: 3 }], ["ask", "agent", undefined]]);
    expect(sink.calls()[0]!.parentId).toBe(trace!.steps[1]!.id);
    expect(events[0]).toBe("trace-start");
    expect(events.at(-1)).toBe("trace-end");
    expect(events).toContain("trace-update");
  });

  it("is bounded: steps past the cap and traces past the open cap are counted; a forgotten handle is closed as abandoned", async () => {
    const { sink, recorder } = setup({ maxStepsPerTrace: 2, maxOpenTraces: 1, traceTimeoutMs: 20 });
    const forgotten = recorder.startTrace("forgotten");
    for (let i = 0; i < 3; i++) forgotten.step(`s${i}`, () => i);
    expect(recorder.startTrace("second").run(() => "ran")).toBe("ran");
    expect(recorder.stats()).toMatchObject({ traces: 1, openTraces: 1, tracesDropped: 1, stepsDropped: 1 });
    await tick(40);
    await recorder.flush();
    expect(sink.traces()[0]).toMatchObject({ name: "forgotten", abandoned: true, droppedSteps: 1 });
    expect(recorder.stats()).toMatchObject({ openTraces: 0, tracesAbandoned: 1 });
  });

  it("redactTrace has the last word; long attributes are cut and counted", async () => {
    const { sink, recorder } = setup({ redactTrace: (t) => (t.name === "drop" ? null : { ...t, tags: {} }) });
    recorder.trace("keep", () => recorder.step("s", () => 1, { attributes: { big: "x".repeat(5000) } }), { tags: { secret: "s" } });
    recorder.trace("drop", () => 1);
    await recorder.flush();
    expect(sink.traces().map((t) => [t.name, t.tags])).toEqual([["keep", {}]]);
    expect(String(sink.traces()[0]!.steps[0]!.attributes!.big)).toHaveLength(1024);
    expect(recorder.stats()).toMatchObject({ attributesCut: 1, droppedByReason: { trace_redacted: 1 } });
  });
});
