import { describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { LLMCall, RecorderOptions, Sink } from "../types.ts";
import { createRecorder } from "./index.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const prompt = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi" }] });
const reply = { model: "gpt-4o", choices: [{ message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 9, completion_tokens: 1 } };
const answer = (async () => new Response(JSON.stringify(reply), { headers: { "content-type": "application/json", "set-cookie": "sid=COOKIE-SECRET" } })) as typeof fetch;

function setup(options: RecorderOptions = {}, base: typeof fetch = answer) {
  const sink = memorySink();
  const recorder = createRecorder({ ...options, sinks: [sink, ...(options.sinks ?? [])] });
  const f = recorder.wrap(base);
  const call = async (url = CHAT, init: RequestInit = { method: "POST", body: prompt }) => (await f(url, init)).json();
  return { sink, recorder, f, call };
}

describe("secrets", () => {
  it("never appear in a serialized record", async () => {
    const secrets = ["sk-AUTH-SECRET", "ANTHROPIC-SECRET", "AZURE-SECRET", "GOOG-SECRET", "CF-SECRET", "QUERY-SECRET", "COOKIE-SECRET", "TOKEN-SECRET"];
    const { sink, recorder, call } = setup();
    await call(`${CHAT}?key=QUERY-SECRET&api-version=2024-10-21`, {
      method: "POST",
      body: prompt,
      headers: {
        Authorization: "Bearer sk-AUTH-SECRET",
        "x-api-key": "ANTHROPIC-SECRET",
        "api-key": "AZURE-SECRET",
        "x-goog-api-key": "GOOG-SECRET",
        "cf-aig-authorization": "Bearer CF-SECRET",
        "x-session-token": "TOKEN-SECRET",
        "content-type": "application/json",
      },
    });
    await recorder.flush();
    const serialized = JSON.stringify(sink.calls());
    expect(sink.calls()).toHaveLength(1);
    expect(serialized).toContain("api-version=2024-10-21");
    expect(serialized).toContain("application/json");
    for (const secret of secrets) expect(serialized).not.toContain(secret);
  });
});

describe("bounded capture", () => {
  it("caps bodies, flags truncation, counts every byte and still parses past the cap", async () => {
    const { sink, recorder, call } = setup({ maxBodyBytes: 40 });
    await call();
    await recorder.flush();
    const [recorded] = sink.calls() as [LLMCall];
    expect(recorded.truncated).toBe(true);
    expect(recorded.request!.body).toBe(prompt.slice(0, 40));
    expect(recorded.request!.bodyBytes).toBe(prompt.length);
    expect(recorded.response!.body!.length).toBe(40);
    expect(recorded.response!.bodyBytes).toBe(JSON.stringify(reply).length);
    expect(recorded.completion.text).toBe("Hi");
    expect(recorded.prompt.text).toBe("Say hi");
  });
});

describe("sampling, pausing and redact", () => {
  it("skips every call at sampleRate 0 and counts them", async () => {
    const { sink, recorder, call } = setup({ sampleRate: 0 });
    await call();
    await call();
    await recorder.flush();
    expect(sink.calls()).toEqual([]);
    expect(recorder.stats()).toMatchObject({ sampledOut: 2, captured: 0 });
  });

  it("passes calls through untouched while paused", async () => {
    const { sink, recorder, call } = setup();
    recorder.setPaused(true);
    expect(recorder.paused).toBe(true);
    await call();
    recorder.setPaused(false);
    await call();
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
  });

  it("lets redact change or drop a call, and drops it when redact throws", async () => {
    let mode: "change" | "drop" | "throw" = "change";
    const { sink, recorder, call } = setup({
      redact: (c) => {
        if (mode === "drop") return null;
        if (mode === "throw") throw new Error("redact bug");
        return { ...c, prompt: { messages: [], text: "[hidden]" } };
      },
    });
    for (const next of ["change", "drop", "throw"] as const) {
      mode = next;
      await call();
      await recorder.flush();
    }
    expect(sink.calls().map((c) => c.prompt.text)).toEqual(["[hidden]"]);
    expect(recorder.stats()).toMatchObject({ dropped: 2, droppedByReason: { redacted: 1, redact_failed: 1 } });
  });
});

describe("failures inside the recorder never reach the app", () => {
  it("counts throwing subscribers and sinks", async () => {
    const bad: Sink = {
      name: "bad",
      write() {
        throw new Error("sink bug");
      },
      flush: () => Promise.reject(new Error("flush bug")),
    };
    const { sink, recorder, call } = setup({ sinks: [bad] });
    recorder.subscribe(() => {
      throw new Error("subscriber bug");
    });
    expect(await call()).toEqual(reply);
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
    expect(recorder.stats().sinkErrors).toBe(2);
    expect(recorder.stats().internalErrors).toBeGreaterThanOrEqual(2);
  });
});

describe("request bodies", () => {
  it("reads Request, Blob, ArrayBuffer, TypedArray and URLSearchParams bodies", async () => {
    const { sink, recorder, f } = setup();
    const bytes = new TextEncoder().encode(prompt);
    const inits: [RequestInfo, RequestInit?][] = [
      [new Request(CHAT, { method: "POST", body: prompt })],
      [CHAT, { method: "POST", body: new Blob([prompt]) }],
      [CHAT, { method: "POST", body: bytes.buffer }],
      [CHAT, { method: "POST", body: bytes }],
      [new URL(CHAT) as unknown as RequestInfo, { method: "POST", body: new DataView(bytes.buffer) }],
    ];
    for (const [input, init] of inits) await (await f(input, init)).json();
    await f(CHAT, { method: "POST", body: new URLSearchParams({ a: "1" }) });
    await recorder.flush();
    // delivered as each is complete, which need not be the order they were made in
    const calls = sink.calls();
    const form = calls.filter((c) => c.request?.body === "a=1");
    expect(form).toHaveLength(1);
    expect(calls.filter((c) => c !== form[0]).map((c) => c.prompt.text)).toEqual(Array(5).fill("Say hi"));
    expect(recorder.stats().parseErrors).toBe(1);
  });

  it("never touches a ReadableStream body, yet records the call", async () => {
    let received = "";
    const base = (async (_url: string, init: RequestInit) => {
      received = await new Response(init.body).text();
      return answer(CHAT);
    }) as typeof fetch;
    const { sink, recorder, f } = setup({}, base);
    const body = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(prompt)), c.close()) });
    await (await f(CHAT, { method: "POST", body, duplex: "half" } as RequestInit)).json();
    await recorder.flush();
    expect(received).toBe(prompt);
    expect(sink.calls()[0]!.request!.body).toBeUndefined();
    expect(sink.calls()[0]!.completion.text).toBe("Hi");
  });
});

describe("tags, ignore and feedback", () => {
  it("applies default and scoped tags, across awaits where AsyncLocalStorage exists", async () => {
    const { sink, recorder, call } = setup({ tags: { feature: "chat", department: "support" } });
    await recorder.withTags({ userId: "u42" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      await recorder.withTags({ feature: "summary" }, () => call());
    });
    await call();
    await recorder.flush();
    expect(sink.calls().map((c) => c.tags)).toEqual([
      { feature: "summary", department: "support", userId: "u42" },
      { feature: "chat", department: "support" },
    ]);
  });

  it("never records URLs a sink asked to ignore", async () => {
    const quiet: Sink = { name: "quiet", attach: (ctx) => ctx.ignore("http://127.0.0.1:9/v1/"), write() {} };
    const { sink, recorder, call } = setup({ sinks: [quiet] });
    await call();
    await recorder.flush();
    expect(sink.calls()).toEqual([]);
  });

  it("delivers feedback to sinks and subscribers", async () => {
    const { sink, recorder, call } = setup();
    const seen: string[] = [];
    recorder.subscribe((e) => e.type === "feedback" && seen.push(`${e.call.id}:${e.call.feedback?.score}`));
    await call();
    await recorder.flush();
    const id = sink.calls()[0]!.id;
    recorder.feedback(id, { score: 1, comment: "great" });
    expect(sink.calls()[0]!.feedback).toMatchObject({ score: 1, comment: "great" });
    expect(seen).toEqual([`${id}:1`]);
  });

  it("keeps no finished calls for subscribers while there are none: feedback still reaches the sinks, and a later subscriber hears of calls that ended while it listened", async () => {
    const { sink, recorder, call } = setup();
    await call();
    await recorder.flush();
    const seen: string[] = [];
    recorder.subscribe((e) => e.type === "feedback" && seen.push(`${e.call.id}:${e.call.feedback?.score}`));
    const before = sink.calls()[0]!.id;
    recorder.feedback(before, { score: -1 });
    expect(sink.calls()[0]!.feedback).toMatchObject({ score: -1 });
    expect(seen).toEqual([]);
    await call();
    await recorder.flush();
    const after = sink.calls()[1]!.id;
    recorder.feedback(after, { score: 1 });
    expect(seen).toEqual([`${after}:1`]);
  });
});
