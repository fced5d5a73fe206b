// The one endpoint every variant exports to, on 127.0.0.1: each variant posts
// under its own first path segment, and the intake counts the requests, the
// bytes as they arrived (compressed or not) and the records inside them (OTLP
// spans, llmscope calls, LangSmith runs), so no variant is measured doing nothing.
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

/** records in one body: OTLP/JSON spans, an llmscope envelope's calls, LangSmith runs */
export function countRecords(text) {
  if (text.startsWith("{")) {
    try {
      const body = JSON.parse(text);
      if (Array.isArray(body.calls)) return body.calls.length;
      if (Array.isArray(body.resourceSpans))
        return body.resourceSpans.reduce((n, r) => n + (r.scopeSpans ?? []).reduce((m, s) => m + (s.spans?.length ?? 0), 0), 0);
      if (Array.isArray(body.post) || Array.isArray(body.patch)) return (body.post ?? []).length;
    } catch {
      return 0;
    }
  }
  // LangSmith's multipart batches: one part per created run
  return (text.match(/name="post\.[^".]+"/g) ?? []).length;
}

export async function startIntake() {
  const seen = new Map();
  const tally = (variant) => {
    let t = seen.get(variant);
    if (!t) seen.set(variant, (t = { requests: 0, bytes: 0, records: 0 }));
    return t;
  };
  const server = createServer({ noDelay: true }, (req, res) => {
    const parts = [];
    req.on("data", (c) => parts.push(c));
    req.on("end", () => {
      const variant = (req.url ?? "/").split("/")[1] ?? "";
      const raw = Buffer.concat(parts);
      if (req.method === "POST") {
        const t = tally(variant);
        t.requests++;
        t.bytes += raw.length;
        const body = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        t.records += countRecords(body.toString("utf8"));
      }
      // LangSmith asks GET /info before it sends; OTLP/JSON takes an empty object. Every answer
      // says gzip is read and prompt.text rebuilt, as @llmscope/collector's do: beaconSink
      // compresses, and leaves out a prompt.text the collector rebuilds, only after that
      res.writeHead(200, { "content-type": "application/json", "accept-encoding": "gzip", "llmscope-rebuilds": "prompt.text" });
      res.end(req.url?.endsWith("/info") ? '{"version":"0.12.0","batch_ingest_config":{}}' : "{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** what arrived for a variant since the last take, reset */
    take(variant) {
      const t = tally(variant);
      seen.delete(variant);
      return t;
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}
