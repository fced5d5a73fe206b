// A trace per incoming request is named `METHOD /route`: the path without its
// query (it may hold secrets), its id segments (numbers, UUIDs, long hex)
// folded into ":id", so the requests of one route share a name and a console
// can group them (the same rule as @llmscope/cloudflare's Worker traces).
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;
const MAX_ROUTE_CHARS = 120;

/** "/users/42/orders/9f1c…" → "/users/:id/orders/:id", capped in length */
export function routeOf(path: string): string {
  const route = path
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
  return route.length > MAX_ROUTE_CHARS ? `${route.slice(0, MAX_ROUTE_CHARS - 1)}…` : route;
}

export function requestTraceName(method: string | undefined, url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return `${(method ?? "GET").toUpperCase()} ${routeOf(path)}`;
}

/** an incoming header's one value (Node gives a list for repeated headers) */
export const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
