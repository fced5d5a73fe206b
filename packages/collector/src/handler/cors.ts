// CORS by allow-list: an allowed origin is echoed back; anything else gets no
// CORS headers at all, so the browser blocks it.
export type CorsSetting = readonly string[] | "*";

const ALLOW_HEADERS = "authorization, content-type, x-llmscope-key";
const ALLOW_METHODS = "GET, POST, PUT, OPTIONS";

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

/**
 * A page on another origin that this collector sends no CORS headers still has
 * its beacons stored, but cannot read the answers: say once per origin what to
 * change, since the browser tells the page nothing useful.
 */
export function refusedOrigins(allowed: CorsSetting | undefined, log: (message: string) => void): (origin: string | null, url: URL) => void {
  const told = new Set<string>();
  return (origin, url) => {
    if (!origin || origin === "null" || origin === url.origin || told.has(origin) || corsHeaders(origin, allowed)["access-control-allow-origin"]) return;
    if (told.size >= 100) return;
    told.add(origin);
    const shown = JSON.stringify(origin).slice(1, -1);
    log(
      `a browser page at ${shown} was refused: this collector sends it no CORS headers, so the page cannot read its answers ` +
        `(what it posts is still stored). Start serve with --cors ${shown}, or serve the collector from the page's own origin.`,
    );
  };
}
