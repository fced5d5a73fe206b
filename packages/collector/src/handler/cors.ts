// CORS by allow-list: an allowed origin is echoed back; anything else gets no
// CORS headers at all, so the browser blocks it.
export type CorsSetting = readonly string[] | "*";

const ALLOW_HEADERS = "authorization, content-type, x-llmscope-key";
const ALLOW_METHODS = "GET, POST, OPTIONS";

export function corsHeaders(origin: string | null, allowed: CorsSetting | undefined): Record<string, string> {
  if (!origin || !allowed) return {};
  if (allowed === "*") return { "access-control-allow-origin": "*" };
  if (!allowed.includes(origin)) return {};
  return { "access-control-allow-origin": origin, vary: "Origin" };
}

/** answer a preflight: 204 with the allowed methods and headers, or 403 for an unknown origin */
export function preflight(origin: string | null, allowed: CorsSetting | undefined): Response {
  const headers = corsHeaders(origin, allowed);
  if (!headers["access-control-allow-origin"]) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: { ...headers, "access-control-allow-methods": ALLOW_METHODS, "access-control-allow-headers": ALLOW_HEADERS, "access-control-max-age": "600" },
  });
}
