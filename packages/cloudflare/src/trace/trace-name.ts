// What a Worker request's trace is called: "METHOD /route", with the path's id
// segments (numbers, UUIDs, long hex) folded into ":id", so the requests of one
// route share a name and a console can group them.
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;
const MAX_ROUTE_CHARS = 120;

export function routeOf(pathname: string): string {
  const route = pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
  return route.length > MAX_ROUTE_CHARS ? `${route.slice(0, MAX_ROUTE_CHARS - 1)}…` : route;
}

export function requestTraceName(request: Request): string {
  let path = "/";
  try {
    path = new URL(request.url).pathname;
  } catch {
    // a URL the runtime accepted but URL cannot read: the trace is named by its method alone
  }
  return `${request.method} ${routeOf(path)}`;
}
