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
    expect(res).toBeInstanceOf(Response);
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

describe("events", () => {
  it("start comes first with the parsed request, even when the call ends before the deferred work runs", async () => {
    const { recorder, call } = setup(sse, "text/event-stream");
    const events: RecorderEvent[] = [];
    recorder.subscribe((e) => events.push(e));
    await (await call()).text();
    await recorder.flush();
    expect(events[0]?.type).toBe("start");
    expect(events[0]?.call.prompt.text).toBe("Say hi");
    expect(events[0]?.call.id).not.toBe("");
    expect(events.at(-1)?.type).toBe("end");
    expect(new Set(events.map((e) => e.call.id)).size).toBe(1);
  });
});

describe("a JSON body the app does not read to the end", () => {
  it("still ends its call when nobody reads it", async () => {
    const { sink, recorder, call } = setup(reply, "application/json");
    const res = await call();
    await recorder.flush();
    expect(sink.calls()[0]?.completion.text).toBe("Hi");
    // and the app can still read it afterwards
    expect(await res.text()).toBe(reply);
  });

  it("is an abort when the app cancels a good response, and keeps its kind for a failed one", async () => {
    const recorder = createRecorder({ sinks: [memorySink()], estimateTokens: false });
    const [sink] = recorder.sinks as [ReturnType<typeof memorySink>];
    const slow = (status: number) =>
      recorder.wrap((async () =>
        new Response(
          new ReadableStream({ pull: () => new Promise(() => {}) }),
          { status, headers: { "content-type": "application/json" } },
        )) as typeof fetch);
    for (const status of [200, 429]) await (await slow(status)(CHAT, { method: "POST", body: prompt })).body!.cancel("gave up");
    await recorder.flush();
    expect(sink.calls().map((c) => [c.status, c.error?.kind])).toEqual([
      [200, "aborted"],
      [429, "rate_limit"],
    ]);
  });
});
