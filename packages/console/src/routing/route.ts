// Hash routes, so every page has a URL a person can paste into an incident
// channel and the collector serves one index.html for all of them.
export type Route =
  | { page: "calls"; query: URLSearchParams }
  | { page: "call"; id: string }
  | { page: "similar"; id: string }
  | { page: "cost"; query: URLSearchParams }
  | { page: "tokens"; query: URLSearchParams }
  | { page: "latency"; query: URLSearchParams }
  | { page: "alerts"; query: URLSearchParams };

export const NAV_PAGES = ["calls", "cost", "tokens", "latency", "alerts"] as const;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts[0] === "calls" && parts[1]) return parts[2] === "similar" ? { page: "similar", id: parts[1] } : { page: "call", id: parts[1] };
  if (parts[0] === "cost" || parts[0] === "tokens" || parts[0] === "latency" || parts[0] === "alerts") return { page: parts[0], query };
  return { page: "calls", query };
}

export function hrefOf(route: Route): string {
  if (route.page === "call") return `#/calls/${encodeURIComponent(route.id)}`;
  if (route.page === "similar") return `#/calls/${encodeURIComponent(route.id)}/similar`;
  const search = route.query.toString();
  return `#/${route.page}${search ? `?${search}` : ""}`;
}

export function pageHref(page: (typeof NAV_PAGES)[number], query: Record<string, string> = {}): string {
  return hrefOf({ page, query: new URLSearchParams(query) } as Route);
}
