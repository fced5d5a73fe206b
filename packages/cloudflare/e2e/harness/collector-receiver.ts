// A stand-in beacon endpoint on 127.0.0.1: decodes `{ v: 1, calls }` envelopes
// and can be told to fail or to hold its answer, so tests can see what a Worker
// delivers and prove the delivery never delays the Worker's own response.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import type { CallsEnvelope, LLMCall, Trace } from "@llmscope/core";

export interface ReceivedEnvelope {
  path: string;
  headers: IncomingMessage["headers"];
  envelope: CallsEnvelope;
}

export interface CollectorReceiver {
  /** base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly envelopes: ReceivedEnvelope[];
  readonly calls: LLMCall[];
  readonly traces: Trace[];
  /** answer every POST with this status (default 200); calls in failed posts are not kept */
  failWith(status: number | undefined): void;
  /** say on every answer that gzip bodies are read, as @llmscope/collector does (default: say nothing) */
  offerGzip(on: boolean): void;
  /** keep answers back until the returned release() is called */
  hold(): () => void;
  /** resolves once at least `count` calls arrived; rejects after `withinMs` */
  waitForCalls(count: number, withinMs?: number): Promise<LLMCall[]>;
  /** resolves once at least `count` traces arrived; rejects after `withinMs` */
  waitForTraces(count: number, withinMs?: number): Promise<Trace[]>;
  /** POST attempts seen, failed ones included */
  readonly attempts: number;
  close(): Promise<void>;
}

export async function startCollectorReceiver(): Promise<CollectorReceiver> {
  const envelopes: ReceivedEnvelope[] = [];
  const calls: LLMCall[] = [];
  const traces: Trace[] = [];
  const waiters = new Set<() => void>();
  let status: number | undefined;
  let held: Promise<void> | undefined;
  let attempts = 0;
  let gzip = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    attempts++;
    if (held) await held;
    if (status && status >= 400) {
      res.writeHead(status).end("failing on purpose");
      return;
    }
    const raw = Buffer.concat(chunks);
    const envelope = JSON.parse((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8")) as CallsEnvelope;
    envelopes.push({ path: req.url ?? "", headers: req.headers, envelope });
    calls.push(...(envelope.calls ?? []));
    traces.push(...(envelope.traces ?? []));
    res.writeHead(202, { "content-type": "application/json", ...(gzip ? { "accept-encoding": "gzip" } : {}) }).end(JSON.stringify({ accepted: envelope.calls?.length ?? 0 }));
    for (const wake of waiters) wake();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => res.writeHead(400).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function waitFor<T>(list: T[], what: string, count: number, withinMs = 20_000): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (list.length < count) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(list);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`collector got ${list.length} of ${count} ${what} within ${withinMs} ms`));
      }, withinMs);
      waiters.add(check);
      check();
    });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    envelopes,
    calls,
    traces,
    get attempts() {
      return attempts;
    },
    offerGzip(on) {
      gzip = on;
    },
    failWith(next) {
      status = next;
    },
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    waitForCalls: (count, withinMs) => waitFor(calls, "calls", count, withinMs),
    waitForTraces: (count, withinMs) => waitFor(traces, "traces", count, withinMs),
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
