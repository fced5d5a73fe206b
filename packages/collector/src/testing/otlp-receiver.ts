// A minimal OTLP/HTTP traces receiver on 127.0.0.1 that decodes the JSON it gets.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean; arrayValue?: { values: OtlpAttribute["value"][] } };
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes: OtlpAttribute[];
  status: { code?: number; message?: string };
}

export interface OtlpReceiver {
  url: string;
  requests: { contentType: string | undefined; body: unknown }[];
  spans(): OtlpSpan[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(status = 200): Promise<OtlpReceiver> {
  const requests: OtlpReceiver["requests"] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ contentType: req.headers["content-type"], body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(status, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    spans: () =>
      requests.flatMap((r) =>
        (r.body as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** attribute list → plain object of values */
export function attributesOf(span: OtlpSpan): Record<string, unknown> {
  const plain = (v: OtlpAttribute["value"]): unknown =>
    v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : undefined) ?? v.doubleValue ?? v.boolValue ?? v.arrayValue?.values.map(plain);
  return Object.fromEntries(span.attributes.map((a) => [a.key, plain(a.value)]));
}
