// The server side of the loopback benchmark, run in its own process (as a
// provider is): in the client's process, whatever the recorder does while a
// request is in flight would be charged to the server's answer. Argument
// "mock": the mock LLM server with its defaults; otherwise a bare server
// answering at once; "mock-now": the mock with no delay before or between
// chunks; "intake": a beacon endpoint that takes every POST and answers as
// @llmscope/collector does (gzip read, prompt.text rebuilt). The URL goes to
// the parent; the process ends with it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startMockLLM } from "@llmscope/mock-llm/node";
import { jsonBody, sseChunks } from "./fixtures.ts";

const chunks = sseChunks(20);

async function startServer(): Promise<string> {
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
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** answers every request at once, saying what @llmscope/collector's answers say, so a beacon gzips and sends prompt.text slim */
async function startIntake(): Promise<string> {
  const server = createServer({ noDelay: true }, (req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "accept-encoding": "gzip", "llmscope-rebuilds": "prompt.text" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const kind = process.argv[2];
const url =
  kind === "mock"
    ? (await startMockLLM()).url
    : kind === "mock-now"
      ? (await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0, jitterMs: 0 })).url
      : kind === "intake"
        ? await startIntake()
        : await startServer();
process.on("disconnect", () => process.exit(0));
process.send!(url);
