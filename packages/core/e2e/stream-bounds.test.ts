// A stream of any size leaves a bounded record and a bounded heap: a 130 MB
// completion through the openai SDK, and a gzip bomb (200 MB of one line)
// read by an app that keeps none of it, over real HTTP on 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGzip } from "node:zlib";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createRecorder, memorySink } from "@llmscope/core";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapMB = () => (gc(), gc(), process.memoryUsage().heapUsed / 2 ** 20);
const MB = 2 ** 20;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(answer: (res: import("node:http").ServerResponse) => Promise<void>): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => void answer(res).catch(() => res.destroy()));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}
/** writes with the socket's backpressure, as a real server does */
const write = (res: import("node:http").ServerResponse, data: string | Buffer) =>
  res.write(data) ? Promise.resolve() : new Promise<void>((resolve) => res.once("drain", () => resolve()));

const piece = "All work and no play makes a long answer. ".repeat(100);
const chunk = (delta: object, extra = {}) =>
  `data: ${JSON.stringify({ id: "chatcmpl-big", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;

describe("a recorded stream's size", () => {
  it("130 MB of completion through the openai SDK: the heap stays bounded, the record keeps maxBodyBytes, flagged truncated, with the provider's exact usage", { timeout: 180_000 }, async () => {
    const total = 130 * MB;
    let sent = 0;
    const url = await serve(async (res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      while (sent < total) {
        const c = chunk({ content: piece });
        sent += c.length;
        await write(res, c);
      }
      const end = `data: ${JSON.stringify({ id: "chatcmpl-big", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`;
      const usage = `data: ${JSON.stringify({ id: "chatcmpl-big", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [], usage: { prompt_tokens: 12, completion_tokens: 31_000_000, total_tokens: 31_000_012 } })}\n\ndata: [DONE]\n\n`;
      sent += end.length + usage.length;
      res.end(end + usage);
    });
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${url}/v1`, maxRetries: 0, fetch: recorder.wrap(fetch) });
    const before = heapMB();
    let peak = 0;
    let read = 0;
    let chars = 0;
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Write at length." }], stream: true, stream_options: { include_usage: true } });
    for await (const c of stream) {
      chars += c.choices[0]?.delta.content?.length ?? 0;
      // every 16 MB the app has read, what is still held
      if (++read % 4000 === 0) peak = Math.max(peak, heapMB() - before);
    }
    await recorder.flush();
    const [call] = sink.calls();
    expect(chars).toBeGreaterThan(120 * MB);
    expect(peak).toBeLessThan(24);
    expect(call!.truncated).toBe(true);
    expect(call!.completion.text.length).toBeLessThanOrEqual(256 * 1024);
    expect(call!.completion.text.startsWith(piece)).toBe(true);
    expect(call!.completion.finishReason).toBe("stop");
    expect(call!.usage).toMatchObject({ inputTokens: 12, outputTokens: 31_000_000, source: "provider" });
    expect(call!.response!.bodyBytes).toBe(sent);
    expect(call!.response!.body!.length).toBeLessThanOrEqual(256 * 1024);
  });

  it("a gzip bomb (200 MB of one unbroken line) leaves the heap bounded and the call truncated, the app getting every byte", { timeout: 180_000 }, async () => {
    const total = 200 * MB;
    const gzip = createGzip();
    const compressed: Buffer[] = [];
    gzip.on("data", (b: Buffer) => compressed.push(b));
    const ones = Buffer.alloc(MB, "a");
    for (let i = 0; i < total / MB; i++) gzip.write(ones);
    await new Promise((resolve) => gzip.end(resolve));
    const bomb = Buffer.concat(compressed);
    expect(bomb.length).toBeLessThan(1 * MB);
    const url = await serve(async (res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
      await write(res, "");
      res.end(bomb);
    });
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink] });
    const f = recorder.wrap(fetch);
    const before = heapMB();
    let peak = 0;
    let bytes = 0;
    let mark = 0;
    const res = await f(`${url}/v1/chat/completions`, { method: "POST", body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hi" }] }) });
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      if (bytes - mark >= 25 * MB) {
        mark = bytes;
        peak = Math.max(peak, heapMB() - before);
      }
    }
    await recorder.flush();
    const [call] = sink.calls();
    expect(bytes).toBe(total);
    expect(peak).toBeLessThan(24);
    expect(call!.truncated).toBe(true);
    expect(call!.response!.bodyBytes).toBe(total);
    expect(call!.completion.text).toBe("");
  });
});
