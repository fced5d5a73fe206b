import { afterEach, describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { RecorderEvent } from "../types.ts";
import { createRecorder, getRecorder } from "./index.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const body = (extra: object = {}) => JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi" }], temperature: 0.2, ...extra });
const completion = {
  id: "c1",
  model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, message: { role: "assistant", content: "Hi there" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });

const originalFetch = globalThis.fetch;
afterEach(() => {
  getRecorder()?.uninstall();
  globalThis.fetch = originalFetch;
});

describe("install / uninstall", () => {
  it("is idempotent, keeps the original under a symbol and restores it exactly", () => {
    const base = Object.assign(async () => json(completion), { __nextPatched: true, [Symbol.for("tag")]: 7 }) as unknown as typeof fetch;
    globalThis.fetch = base;
    const recorder = createRecorder();
    const uninstall = recorder.install();
    const wrapper = globalThis.fetch;
    expect(wrapper).not.toBe(base);
    recorder.install();
    expect(globalThis.fetch).toBe(wrapper);
    expect((wrapper as unknown as { __nextPatched: boolean }).__nextPatched).toBe(true);
    expect((wrapper as unknown as Record<symbol, number>)[Symbol.for("tag")]).toBe(7);
    expect((wrapper as unknown as Record<symbol, unknown>)[Symbol.for("llmscope.originalFetch")]).toBe(base);
    expect(getRecorder()).toBe(recorder);
    expect((globalThis as unknown as Record<symbol, { recorder?: unknown }>)[Symbol.for("llmscope.recorder")]!.recorder).toBe(recorder);
    uninstall();
    expect(globalThis.fetch).toBe(base);
    expect(getRecorder()).toBeUndefined();
    uninstall();
    expect(globalThis.fetch).toBe(base);
  });

  it("never double-wraps when a second recorder (hot reload, a second copy) installs", async () => {
    globalThis.fetch = (async () => json(completion)) as typeof fetch;
    const base = globalThis.fetch;
    const first = memorySink();
    const second = memorySink();
    createRecorder({ sinks: [first] }).install();
    const recorder = createRecorder({ sinks: [second] });
    recorder.install();
    expect((globalThis.fetch as unknown as Record<symbol, unknown>)[Symbol.for("llmscope.originalFetch")]).toBe(base);
    await (await fetch(CHAT, { method: "POST", body: body() })).text();
    await recorder.flush();
    expect(first.calls()).toHaveLength(0);
    expect(second.calls()).toHaveLength(1);
    recorder.uninstall();
    expect(globalThis.fetch).toBe(base);
  });

  it("calls the original with this undefined", async () => {
    globalThis.fetch = function (this: unknown) {
      if (this !== undefined) throw new TypeError("Illegal invocation");
      return Promise.resolve(json(completion));
    } as typeof fetch;
    createRecorder().install();
    const response = await globalThis.fetch(CHAT, { method: "POST", body: body() });
    expect(response.status).toBe(200);
    const other = await globalThis.fetch("http://127.0.0.1:9/health");
    expect(other.status).toBe(200);
  });

  it("wrap() of an already recording fetch records once", async () => {
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const f = recorder.wrap(recorder.wrap((async () => json(completion)) as typeof fetch));
    await (await f(CHAT, { method: "POST", body: body() })).json();
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
  });
});

describe("pass-through", () => {
  it("returns the very Response for non-LLM requests and records nothing", async () => {
    const response = new Response("ok");
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const events: RecorderEvent[] = [];
    recorder.subscribe((e) => events.push(e));
    const f = recorder.wrap((async () => response) as typeof fetch);
    expect(await f("http://127.0.0.1:9/api/users", { method: "POST", body: "{}" })).toBe(response);
    expect(await f(CHAT)).toBe(response); // GET is not a completion
    await recorder.flush();
    expect(events).toEqual([]);
    expect(sink.calls()).toEqual([]);
  });

  it("returns the very Response of a JSON call and rethrows the very error", async () => {
    const response = json(completion);
    const recorder = createRecorder();
    expect(await recorder.wrap((async () => response) as typeof fetch)(CHAT, { method: "POST", body: body() })).toBe(response);
    expect(await response.json()).toEqual(completion);

    const failure = new TypeError("fetch failed");
    const rejecting = recorder.wrap((() => Promise.reject(failure)) as typeof fetch);
    await expect(rejecting(CHAT, { method: "POST", body: body() })).rejects.toBe(failure);
    const throwing = recorder.wrap((() => {
      throw failure;
    }) as typeof fetch);
    expect(() => throwing(CHAT, { method: "POST", body: body() })).toThrow(failure);
  });
});
