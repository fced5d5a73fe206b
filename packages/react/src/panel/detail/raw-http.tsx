import type { CapturedHttp } from "@llmscope/core";
import { LongText } from "./long-text.tsx";
import { formatBytes } from "../format.ts";

/** Pretty-printed when the body is JSON; otherwise as captured (SSE, NDJSON, an unknown provider's format). */
export function prettyBody(body: string): string {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function RawHttp({ label, http, open }: { label: string; http: CapturedHttp | undefined; open: boolean }) {
  if (!http) return null;
  const headers = Object.entries(http.headers ?? {});
  return (
    <details className="raw" open={open}>
      <summary>
        {label}
        {http.bodyBytes !== undefined && <span className="muted num"> {formatBytes(http.bodyBytes)}</span>}
      </summary>
      {headers.length > 0 && (
        <pre className="text headers">{headers.map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
      )}
      {http.body !== undefined ? <LongText text={prettyBody(http.body)} className="code" /> : <p className="muted">No body captured.</p>}
    </details>
  );
}
