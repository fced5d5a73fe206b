// A stand-in collector on 127.0.0.1 for delivery tests (unit and browser): records every envelope
// and answers as told (a status, or never).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import type { CallsEnvelope, FeedbackEnvelope } from "../../src/sinks/envelope.ts";

export interface ReceivedEnvelope {
  path: string;
  contentType: string | undefined;
  /** Content-Encoding of the request, if any */
  encoding: string | undefined;
  /** bytes as they arrived (compressed, when encoded) */
  bytes: number;
  body: CallsEnvelope & FeedbackEnvelope;
}

export interface TestCollector {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  received: ReceivedEnvelope[];
  /** answer with CORS headers (default); false: like a collector started without --cors for this page */
  cors: boolean;
  /** sent as Accept-Encoding on every answer when set (a collector that reads gzip says "gzip") */
  acceptEncoding: string | undefined;
  /** sent as llmscope-rebuilds on every answer when set (a collector that rebuilds prompt.text says "prompt.text") */
  rebuilds: string | undefined;
  /** requests seen, answered or not */
  requests: number;
  /** how to answer the next request: an HTTP status, or "hang" to never answer */
  answer: (req: IncomingMessage, n: number) => number | "hang";
  /** ids of every call received, in arrival order, repeats kept */
  callIds(): string[];
  /** resolves once at least n call ids have arrived */
  waitForCalls(n: number): Promise<void>;
  close(): Promise<void>;
}

export function startTestCollector(port = 0): Promise<TestCollector> {
  const waiters: { n: number; done: () => void }[] = [];
  const collector: TestCollector = {
    origin: "",
    port: 0,
    received: [],
    cors: true,
    acceptEncoding: undefined,
    rebuilds: undefined,
    requests: 0,
    answer: () => 200,
    callIds: () => collector.received.flatMap((e) => (e.body.calls ?? []).map((c) => c.id)),
    waitForCalls: (n) =>
      new Promise((done) => {
        waiters.push({ n, done });
        settle();
      }),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  const settle = () => {
    const have = collector.callIds().length;
    for (const w of waiters.splice(0)) (have >= w.n ? w.done() : waiters.push(w));
  };
  const server = createServer((req, res) => {
    // sendBeacon and text/plain fetches are simple requests; a cross-origin page still needs this to read the status
    if (collector.cors) res.setHeader("access-control-allow-origin", "*");
    if (collector.acceptEncoding) res.setHeader("accept-encoding", collector.acceptEncoding);
    if (collector.rebuilds) res.setHeader("llmscope-rebuilds", collector.rebuilds);
    if (req.method == "OPTIONS") return res.end();
    const n = ++collector.requests;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = collector.answer(req, n);
      if (answer == "hang") return;
      if (answer < 300) {
        const raw = Buffer.concat(chunks);
        const encoding = req.headers["content-encoding"];
        const text = (encoding == "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        collector.received.push({ path: req.url ?? "", contentType: req.headers["content-type"], encoding, bytes: raw.length, body: JSON.parse(text) });
        settle();
      }
      res.writeHead(answer).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => {
      collector.port = (server.address() as AddressInfo).port;
      collector.origin = `http://127.0.0.1:${collector.port}`;
      resolve(collector);
    }),
  );
}
