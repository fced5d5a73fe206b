// Real HTTP on 127.0.0.1: a round trip and the time to the first streamed
// delta, with and without the recorder, measured interleaved.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

export async function loopback(): Promise<{ roundTrip: [number, number]; firstDelta: [number, number] }> {
  const server = await startServer();
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
    const reader = (await f(server.url, { ...init, headers: { ...init.headers, "x-stream": "1" } })).body!.getReader();
    await reader.read();
    const t = performance.now() - t0;
    while (!(await reader.read()).done);
    return t;
  };
  try {
    const rt = await paired(roundTrip(raw), roundTrip(recorded), { turns: 600 });
    const fd = await paired(firstDelta(raw), firstDelta(recorded), { turns: 300 });
    await recorder.flush();
    return { roundTrip: rt, firstDelta: fd };
  } finally {
    server.close();
  }
}
