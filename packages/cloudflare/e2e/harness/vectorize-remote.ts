// Where workerd's own Vectorize binding sends its queries. Miniflare cannot run
// Vectorize offline, but its binding is workerd's real client module talking
// HTTP to a "remote" endpoint; pointed here, each `POST /query` is answered by
// the mock's Pinecone-style index (the same ranking) in Vectorize's shape.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface VectorizeRemote {
  /** the connection string Miniflare's `vectorize` option takes */
  readonly url: URL;
  /** Vectorize operations seen ("query", …) */
  readonly operations: string[];
  close(): Promise<void>;
}

export async function startVectorizeRemote(mockUrl: string): Promise<VectorizeRemote> {
  const operations: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // the binding's own request, forwarded with its URL in MF-URL
    const target = new URL(String(req.headers["mf-url"] ?? "http://vector-search/"));
    const operation = target.pathname.replace(/^\//, "");
    if (req.method !== "POST" || operation !== "query") {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: `not served here: ${req.method} ${operation}` }));
      return;
    }
    operations.push(operation);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { vector: number[]; topK?: number; returnMetadata?: unknown };
    const answer = await fetch(`${mockUrl}/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vector: body.vector, topK: body.topK ?? 5, includeMetadata: body.returnMetadata !== undefined && body.returnMetadata !== "none" }),
    });
    const { matches } = (await answer.json()) as { matches: { id: string; score: number; metadata?: unknown }[] };
    const vectorizeMatches = matches.map(({ id, score, metadata }) => ({ id, score, ...(metadata ? { metadata } : {}) }));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ count: vectorizeMatches.length, matches: vectorizeMatches }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    operations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
