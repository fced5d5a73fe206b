import { describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { RecorderEvent } from "../types.ts";
import { createRecorder } from "./index.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const prompt = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi" }] });
const reply = JSON.stringify({ model: "gpt-4o", choices: [{ message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }] });
const sse = 'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

type Read = (r: Response) => Promise<string>;
const dec = new TextDecoder();
const reads: [string, Read][] = [
  // an SSE body is not JSON: the app must see the very same failure
  ["json", (r) => r.json().then(JSON.stringify, (e: Error) => `${e.name}: ${e.message}`)],
  ["text", (r) => r.text()],
  ["arrayBuffer", async (r) => dec.decode(await r.arrayBuffer())],
  ["blob", async (r) => (await r.blob()).text()],
  [
    "body.getReader()",
    async (r) => {
      const reader = r.body!.getReader();
      let text = "";
      for (let c = await reader.read(); !c.done; c = await reader.read()) text += dec.decode(c.value, { stream: true });
      return text;
    },
  ],
  ["clone().text()", (r) => r.clone().text()],
];

function setup(body: string, contentType: string) {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], estimateTokens: false });
  const make = () => {
    const res = new Response(body, { status: 200, statusText: "OK!", headers: { "content-type": contentType, "x-request-id": "req-1" } });
    // what a network response has and a constructed one lacks
    Object.defineProperties(res, { url: { value: CHAT }, redirected: { value: true }, type: { value: "cors" } });
    return res;
  };
  let original: Response | undefined;
  const f = recorder.wrap((async () => (original = make())) as typeof fetch);
  return { sink, recorder, make, call: () => f(CHAT, { method: "POST", body: prompt }), original: () => original! };
}

it("reads as the raw body where it can", async () => {
  const { make } = setup(reply, "application/json");
  expect(await reads[0]![1](make())).toBe(reply);
});

describe.each([
  ["JSON", reply, "application/json"],
  ["streamed", sse, "text/event-stream"],
])("the app reads a %s response every way", (_kind, body, contentType) => {
  it.each(reads)("%s gives the same bytes, and the call is recorded", async (_how, read) => {
    const { sink, recorder, call, original, make } = setup(body, contentType);
    const res = await call();
    if (contentType === "application/json") expect(res).toBe(original());
    expect({ status: res.status, statusText: res.statusText, url: res.url, redirected: res.redirected, type: res.type, ok: res.ok }).toEqual({
      status: 200,
      statusText: "OK!",
      url: CHAT,
      redirected: true,
      type: "cors",
      ok: true,
    });
    expect([...res.headers]).toEqual([...original().headers]);
    expect(res.bodyUsed).toBe(false);
    expect(await read(res)).toBe(await read(make()));
    await recorder.flush();
    const [recorded] = sink.calls();
    expect(recorded?.completion.text).toBe("Hi");
    expect(recorded?.response?.headers["x-request-id"]).toBe("req-1");
    expect(recorded?.request?.body).toBe(prompt);
  });

  it("a body read once cannot be read again, as without the recorder", async () => {
    const { call } = setup(body, contentType);
    const res = await call();
    await res.text();
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(TypeError);
  });
});

it("a JSON answer is watched without a property of its own added to the app's Response, which keeps its shape", async () => {
  const { sink, recorder, call, make } = setup(reply, "application/json");
  const res = await call();
  // the shadows are inherited (one prototype per class), not defined on it
  expect(Reflect.ownKeys(res)).toEqual(Reflect.ownKeys(make()));
  expect(res).toBeInstanceOf(Response);
  expect(await res.json()).toEqual(JSON.parse(reply));
  await recorder.flush();
  expect(sink.calls()[0]?.completion.text).toBe("Hi");
});

describe("events", () => {
  it("start comes first with the parsed request, even when the call ends before the deferred work runs", async () => {
    const { recorder, call } = setup(sse, "text/event-stream");
    // call events only: a trace event has no call
    const events: Extract<RecorderEvent, { call: unknown }>[] = [];
    recorder.subscribe((e) => "call" in e && events.push(e));
    await (await call()).text();
    await recorder.flush();
    expect(events[0]?.type).toBe("start");
    expect(events[0]?.call.prompt.text).toBe("Say hi");
    expect(events[0]?.call.id).not.toBe("");
    expect(events.at(-1)?.type).toBe("end");
    expect(new Set(events.map((e) => e.call.id)).size).toBe(1);
  });
});

describe("a JSON body read in other ways", () => {
  it("still ends its call when nobody reads it, and the app can read it afterwards", async () => {
    const { sink, recorder, call } = setup(reply, "application/json");
    const res = await call();
    await recorder.flush();
    expect(sink.calls()[0]?.completion.text).toBe("Hi");
    expect(await res.text()).toBe(reply);
  });

  it("fails a second read as the original does, and the first still counts", async () => {
    const { sink, recorder, call } = setup(reply, "application/json");
    const res = await call();
    expect(await res.json()).toEqual(JSON.parse(reply));
    await expect(res.json()).rejects.toThrow(TypeError);
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
    expect(sink.calls()[0]?.completion.text).toBe("Hi");
  });

  it("gives the app the very SyntaxError a body that is not JSON gives, and records the parse failure", async () => {
    const { sink, recorder, call, make } = setup("<html>bad gateway</html>", "application/json");
    const mine = await call().then((r) => r.json()).catch((e: Error) => [e.constructor, e.message]);
    const theirs = await make().json().catch((e: Error) => [e.constructor, e.message]);
    expect(mine).toEqual(theirs);
    expect(mine[0]).toBe(SyntaxError);
    await recorder.flush();
    expect(sink.calls()[0]?.error?.kind).toBe("parse");
    expect(sink.calls()[0]?.response?.body).toBe("<html>bad gateway</html>");
  });

  it("is recorded when read past the shadows, with what is known", async () => {
    const { sink, recorder, call } = setup(reply, "application/json");
    const res = await call();
    expect(await Response.prototype.json.call(res)).toEqual(JSON.parse(reply));
    await recorder.flush();
    expect(sink.calls().map((c) => [c.status, c.error, c.completion.text])).toEqual([[200, undefined, ""]]);
  });

  it("records the body's own failure as the app sees it", async () => {
    const recorder = createRecorder({ sinks: [memorySink()], estimateTokens: false });
    const [sink] = recorder.sinks as [ReturnType<typeof memorySink>];
    const cut = new TypeError("terminated");
    const f = recorder.wrap((async () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"choices":'));
            c.error(cut);
          },
        }),
        { headers: { "content-type": "application/json" } },
      )) as typeof fetch);
    await expect((await f(CHAT, { method: "POST", body: prompt })).json()).rejects.toBe(cut);
    await recorder.flush();
    expect(sink.calls()[0]?.error?.kind).toBe("network");
  });
});

it("ends the call with what is known when the Response cannot be watched, and the app gets it untouched", async () => {
  const recorder = createRecorder({ sinks: [memorySink()], estimateTokens: false });
  const [sink] = recorder.sinks as [ReturnType<typeof memorySink>];
  const frozen = Object.freeze(new Response(reply, { headers: { "content-type": "application/json" } }));
  const res = await recorder.wrap((async () => frozen) as typeof fetch)(CHAT, { method: "POST", body: prompt });
  expect(res).toBe(frozen);
  expect(await res.text()).toBe(reply);
  await recorder.flush();
  expect(sink.calls().map((c) => [c.status, c.prompt.text])).toEqual([[200, "Say hi"]]);
  expect(recorder.stats()).toMatchObject({ internalErrors: 1, inFlight: 0 });
});
