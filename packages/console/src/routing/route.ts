// Hash routes, so every page has a URL a person can paste into an incident
// channel and the collector serves one index.html for all of them.
export type Route =
  | { page: "calls"; query: URLSearchParams }
  | { page: "call"; id: string }
  | { page: "similar"; id: string }
  | { page: "cost"; query: URLSearchParams }
  | { page: "tokens"; query: URLSearchParams }
  | { page: "latency"; query: URLSearchParams }
  | { page: "alerts"; query: URLSearchParams }
  | { page: "traces"; query: URLSearchParams }
  | { page: "trace"; id: string }
  | { page: "sessions"; query: URLSearchParams }
  | { page: "session"; id: string };

export const NAV_PAGES = ["calls", "traces", "sessions", "cost", "tokens", "latency", "alerts"] as const;

/** list pages read from their query alone */
const QUERY_PAGES = new Set<string>(["cost", "tokens", "latency", "alerts", "traces", "sessions"]);

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts[0] === "calls" && parts[1]) return parts[2] === "similar" ? { page: "similar", id: parts[1] } : { page: "call", id: parts[1] };
  if (parts[0] === "traces" && parts[1]) return { page: "trace", id: parts[1] };
  if (parts[0] === "sessions" && parts[1]) return { page: "session", id: parts[1] };
  if (parts[0] && QUERY_PAGES.has(parts[0])) return { page: parts[0], query } as Route;
  return { page: "calls", query };
}

export function hrefOf(route: Route): string {
  if (route.page === "call" || route.page === "trace" || route.page === "session") return `#/${route.page}s/${encodeURIComponent(route.id)}`;
  if (route.page === "similar") return `#/calls/${encodeURIComponent(route.id)}/similar`;
  const search = route.query.toString();
  return `#/${route.page}${search ? `?${search}` : ""}`;
}

/** the navigation tab a page sits under: a call under Calls, a trace under Traces */
export function navPageOf(route: Route): (typeof NAV_PAGES)[number] {
  if (route.page === "call" || route.page === "similar") return "calls";
  if (route.page === "trace" || route.page === "session") return `${route.page}s`;
  return route.page;
}

export function pageHref(page: (typeof NAV_PAGES)[number], query: Record<string, string> = {}): string {
  return hrefOf({ page, query: new URLSearchParams(query) } as Route);
}
