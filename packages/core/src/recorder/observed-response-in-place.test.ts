// A streamed answer watched in place (Node): the app keeps its very Response
// and body stream, every way of reading it gives the bytes the server sent,
// and the call is recorded once with what arrived. Real HTTP on 127.0.0.1
// through Node's own fetch.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { LLMCall } from "../types.ts";
import { createRecorder } from "./index.ts";

const delta = (content: string, finish: string | null = null) => `data: ${JSON.stringify({ model: "gpt-4o-2024-08-06", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
// "🙂" cut between two writes: its bytes arrive in two chunks
const smile = Buffer.from(delta("lo 🙂"));
const cutAt = smile.indexOf(0xf0) + 2;
const writes = [Buffer.from(delta("Hel")), smile.subarray(0, cutAt), smile.subarray(cutAt), Buffer.from(delta("", "stop") + "data: [DONE]\n\n")];
const sent = Buffer.concat(writes).toString();
// ends only when the client goes away: for the cancelling readers
const endless = Buffer.from(delta("more "));

let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", async () => {
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "r1" });
      if (req.url?.includes("endless")) {
        const timer = setInterval(() => res.write(endless), 5);
        res.on("close", () => clearInterval(timer));
        return;
      }
      for (const w of writes) await new Promise((resolve) => res.write(w, resolve));
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const dec = new TextDecoder();
/** what a reader of the body gets, as text */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, text = ""): Promise<string> {
  for (let c = await reader.read(); !c.done; c = await reader.read()) text += dec.decode(c.value, { stream: true });
  return text + dec.decode();
}

/** n later tasks */
const tasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

/** waits (a bounded number of tasks) until the recorder has ended its call */
function endOf(recorder: ReturnType<typeof createRecorder>): () => Promise<void> {
  let over = false;
  recorder.subscribe((e) => void (e.type === "end" && (over = true)));
  return async () => {
    for (let i = 0; i < 5000 && !over; i++) await tasks(1);
    expect(over).toBe(true);
  };
}

async function record<T>(read: (response: Response, original: Response, recorder: ReturnType<typeof createRecorder>) => Promise<T>, path = "") {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], estimateTokens: false });
  let original: Response | undefined;
  const f = recorder.wrap((async (input: RequestInfo | URL, init?: RequestInit) => (original = await fetch(input, init))) as typeof fetch);
  const response = await f(url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: "hi" }] }) });
  const result = await read(response, original!, recorder);
  await recorder.flush();
  expect(sink.calls()).toHaveLength(1);
  return { call: sink.calls()[0] as LLMCall, result, recorder };
}

describe("a stream watched in place", () => {
  it("is the app's very Response and body; read by a reader it gives the bytes sent, and the call is recorded whole", async () => {
    const { call, result } = await record(async (response, original) => {
      expect(response).toBe(original);
      expect(response.bodyUsed).toBe(false);
      const text = await drain(response.body!.getReader());
      expect(response.bodyUsed).toBe(true);
      return text;
    });
    expect(result).toBe(sent);
    expect(call).toMatchObject({ stream: true, completion: { text: "Hello 🙂", finishReason: "stop" }, responseModel: "gpt-4o-2024-08-06" });
    expect(call.response?.body).toBe(sent);
    expect(call.response?.headers["x-request-id"]).toBe("r1");
    expect(call.error).toBeUndefined();
    expect(call.timing.ttftMs).toBeGreaterThanOrEqual(call.timing.ttfbMs!);
  });

  it.each([
    ["for await", async (r: Response) => {
      let text = "";
      for await (const c of r.body!) text += dec.decode(c, { stream: true });
      return text + dec.decode();
    }],
    ["text()", (r: Response) => r.text()],
    ["tee(), both branches", async (r: Response) => {
      const [a, b] = r.body!.tee();
      const [ta, tb] = await Promise.all([drain(a.getReader()), drain(b.getReader())]);
      expect(ta).toBe(tb);
      return ta;
    }],
    ["pipeThrough()", (r: Response) => drain(r.body!.pipeThrough(new TransformStream<Uint8Array, Uint8Array>()).getReader())],
    ["clone(), then both", async (r: Response) => {
      const copy = r.clone();
      expect(r.bodyUsed).toBe(false);
      const [ta, tb] = await Promise.all([r.text(), copy.text()]);
      expect(ta).toBe(tb);
      return ta;
    }],
    ["values({ preventCancel: true }) left midway, then a reader", async (r: Response) => {
      let text = "";
      for await (const c of r.body!.values({ preventCancel: true })) {
        text += dec.decode(c, { stream: true });
        break;
      }
      return drain(r.body!.getReader(), text);
    }],
    ["a reader released midway, then another", async (r: Response) => {
      const first = r.body!.getReader();
      const c = await first.read();
      first.releaseLock();
      return drain(r.body!.getReader(), dec.decode(c.value, { stream: true }));
    }],
  ])("read by %s: the bytes sent, the call recorded once, nothing seen twice", async (_how, read) => {
    const { call, result } = await record(read);
    expect(result).toBe(sent);
    expect(call.completion).toMatchObject({ text: "Hello 🙂", finishReason: "stop" });
    expect(call.response?.body).toBe(sent);
    expect(call.error).toBeUndefined();
  });

  it.each([
    ["nobody reads it", async (r: Response, ended: () => Promise<void>) => {
      await ended();
      expect(r.bodyUsed).toBe(false);
      expect(r.body!.locked).toBe(false);
      return r.text();
    }],
    ["a reader is released and none taken (as an SDK stopping at an error event)", async (r: Response, ended: () => Promise<void>) => {
      const first = r.body!.getReader();
      const c = await first.read();
      first.releaseLock();
      await ended();
      expect(r.body!.locked).toBe(false);
      return drain(r.body!.getReader(), dec.decode(c.value, { stream: true }));
    }],
  ])("the call still ends when %s, and the app reads on from where it was, the same bytes", async (_how, read) => {
    // the stream of ours reads the body to its end meanwhile
    const { call, result } = await record((r, _o, recorder) => read(r, endOf(recorder)));
    expect(result).toBe(sent);
    expect(call.completion).toMatchObject({ text: "Hello 🙂", finishReason: "stop" });
    expect(call.response?.body).toBe(sent);
  });

  it("a body read past the shadows still ends its call, with what is known", async () => {
    const { call, result } = await record(async (r, _o, recorder) => {
      const ended = endOf(recorder);
      const text = await drain(ReadableStream.prototype.getReader.call(r.body!) as ReadableStreamDefaultReader<Uint8Array>);
      await ended();
      return text;
    });
    expect(result).toBe(sent);
    expect(call.status).toBe(200);
    expect(call.error).toBeUndefined();
  });

  it("a body read once cannot be read again, as without the recorder", async () => {
    await record(async (response) => {
      await response.text();
      await expect(response.text()).rejects.toThrow(TypeError);
      expect(() => response.body!.getReader()).toThrow(TypeError);
    });
  });

  it.each([
    ["breaking out of for await", async (r: Response) => {
      for await (const _ of r.body!) break;
    }],
    ["the reader's cancel", async (r: Response) => {
      const reader = r.body!.getReader();
      await reader.read();
      await reader.cancel("enough");
    }],
    ["the body's cancel", (r: Response) => r.body!.cancel("enough")],
  ])("an endless stream stopped by %s is recorded as aborted, with what arrived", async (_how, stop) => {
    const { call } = await record(stop, "?endless");
    expect(call.error?.kind).toBe("aborted");
    expect(call.completion.text).toMatch(/^(more )*$/);
  });

  it("a reader released while its read waits is no failure of the body", async () => {
    const { call, result } = await record(async (r) => {
      const reader = r.body!.getReader();
      const waiting = reader.read();
      reader.releaseLock();
      const failed = await waiting.then(() => undefined, (e: unknown) => e);
      return { failed, rest: await drain(r.body!.getReader()) };
    });
    expect(result.failed).toBeInstanceOf(TypeError);
    expect(sent.endsWith(result.rest)).toBe(true);
    expect(call.error).toBeUndefined();
    expect(call.completion.finishReason).toBe("stop");
  });
});
