// The server side of the loopback benchmark, run in its own process (as a
// provider is): in the client's process, whatever the recorder does while a
// request is in flight would be charged to the server's answer. Argument
// "mock": the mock LLM server with its defaults; otherwise a bare server
// answering at once. The URL goes to the parent; the process ends with it.
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

const url = process.argv[2] === "mock" ? (await startMockLLM()).url : await startServer();
process.on("disconnect", () => process.exit(0));
process.send!(url);
