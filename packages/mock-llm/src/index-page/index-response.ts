import { CORS_HEADERS } from "../cors.ts";
import { endpointIndex } from "./endpoint-list.ts";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** GET /: an HTML page for a browser, indented JSON for anything else (curl, scripts). */
export function indexResponse(request: Request): Response {
  const index = endpointIndex();
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { ...CORS_HEADERS, "content-type": "application/json" } });
  }
  const rows = (cells: string[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${escape(x)}</td>`).join("")}</tr>`).join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${index.name}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}td{padding:.2rem .8rem;border-bottom:1px solid #ddd}code,td:first-child{font-family:ui-monospace,monospace}</style></head>
<body><h1>${index.name}</h1><p>${escape(index.description)}</p>
<h2>Endpoints</h2><table>${rows(index.endpoints.map((e) => [`${e.method} ${e.path}`, e.api]))}</table>
<h2>Scenarios</h2><table>${rows(index.scenarios.map((s) => [s.id, s.description]))}</table>
<h2>Headers</h2><table>${rows(Object.entries(index.headers))}</table>
<p>The same as JSON: <code>curl ${escape(new URL(request.url).origin)}/</code></p></body></html>
`;
  return new Response(html, { headers: { ...CORS_HEADERS, "content-type": "text/html; charset=utf-8" } });
}
