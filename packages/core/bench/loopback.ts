// Real HTTP on 127.0.0.1: a round trip and the time to the first streamed
// delta, with and without the recorder, measured interleaved.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startMockLLM } from "@llmscope/mock-llm/node";
import { createRecorder, memorySink } from "../src/index.ts";
import { CHAT_PATH, jsonBody, requestBody, sseChunks } from "./fixtures.ts";
import { paired } from "./measure.ts";

const chunks = sseChunks(20);

async function startServer(): Promise<{ url: string; close(): void }> {
  const server = createServer({ noDelay: true }, (req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.headers["x-stream"]) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(chunks[0]!);
        // the rest follows a moment later, as tokens do
        setTimeout(() => {
          for (const c of chunks.slice(1)) res.write(c);
          res.end();
        }, 2);
      } else {
        res.writeHead(200, { "content-type": "application/json", "content-length": jsonBody.byteLength });
        res.end(jsonBody);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${CHAT_PATH}`, close: () => server.close() };
}

export interface LoopbackResult {
  roundTrip: [number, number];
  firstDelta: [number, number];
}

export async function loopback(): Promise<LoopbackResult> {
  const server = await startServer();
  try {
    return await measure(server.url, { stream: { headers: { "x-stream": "1" } }, turns: [600, 300] });
  } finally {
    server.close();
  }
}

/**
 * The realistic case: the mock LLM server with its default 20 ms before the
 * first chunk or the JSON answer, as a provider takes at least; the recorder's
 * fixed cost is then a sliver of it. (Later chunks come at once, only so the
 * run is short; they do not enter either measure.)
 */
export async function loopbackMockDefaults(): Promise<LoopbackResult> {
  const mock = await startMockLLM();
  try {
    return await measure(`${mock.url}${CHAT_PATH}`, { stream: { headers: { "x-mock-chunk-delay": "0" }, body: JSON.stringify({ ...JSON.parse(requestBody), stream: true }) }, turns: [60, 60] });
  } finally {
    await mock.close();
  }
}

async function measure(url: string, opts: { stream: { headers?: Record<string, string>; body?: string }; turns: [number, number] }): Promise<LoopbackResult> {
  const server = { url };
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 100 })], estimateTokens: false });
  const raw = fetch;
  const recorded = recorder.wrap(fetch);
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: requestBody };
  const roundTrip = (f: typeof fetch) => async () => {
    const t0 = performance.now();
    await (await f(server.url, init)).arrayBuffer();
    return performance.now() - t0;
  };
  const firstDelta = (f: typeof fetch) => async () => {
    const t0 = performance.now();
    const reader = (await f(server.url, { ...init, headers: { ...init.headers, ...opts.stream.headers }, body: opts.stream.body ?? init.body })).body!.getReader();
    await reader.read();
    const t = performance.now() - t0;
    while (!(await reader.read()).done);
    return t;
  };
  try {
    const rt = await paired(roundTrip(raw), roundTrip(recorded), { turns: opts.turns[0], warmup: Math.min(30, opts.turns[0] / 4) });
    const fd = await paired(firstDelta(raw), firstDelta(recorded), { turns: opts.turns[1], warmup: Math.min(30, opts.turns[1] / 4) });
    return { roundTrip: rt, firstDelta: fd };
  } finally {
    await recorder.flush();
  }
}
