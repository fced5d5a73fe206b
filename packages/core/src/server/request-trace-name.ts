// A trace per incoming request is named `METHOD /path` (no query: it may hold
// secrets, and it would make every request's name its own).
export function requestTraceName(method: string | undefined, url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return `${(method ?? "GET").toUpperCase()} ${path}`;
}

/** an incoming header's one value (Node gives a list for repeated headers) */
export const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
