// The query strings of the trace and session endpoints, with 400s that name
// the parameter (the helpers /v1/calls uses).
import { HttpError } from "../handler/responses.ts";
import { instantParam, intParam } from "../handler/query-params.ts";
import type { SessionFilter, TraceFilter } from "./trace-store.ts";

function numberParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new HttpError(400, `${name} must be a number ≥ 0`);
  return n;
}

function booleanParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  if (raw !== "true" && raw !== "false") throw new HttpError(400, `${name} must be true or false`);
  return raw === "true";
}

/** from, to, q, limit and cursor: what every listing here takes */
function pageOf(url: URL): SessionFilter {
  const filter: SessionFilter = { limit: intParam(url, "limit", 50, 500) };
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  const q = url.searchParams.get("q")?.trim();
  if (q) filter.q = q;
  const cursor = url.searchParams.get("cursor");
  if (cursor) filter.cursor = cursor;
  return filter;
}

function strings<K extends string>(url: URL, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const v = url.searchParams.get(name);
    if (v) out[name] = v;
  }
  return out;
}

export function traceFilterOf(url: URL): TraceFilter {
  const filter: TraceFilter = { ...pageOf(url), ...strings(url, ["userId", "sessionId", "feature", "department", "name"] as const) };
  const minDurationMs = numberParam(url, "minDurationMs");
  const minCostUSD = numberParam(url, "minCostUSD");
  const hasError = booleanParam(url, "hasError");
  if (minDurationMs !== undefined) filter.minDurationMs = minDurationMs;
  if (minCostUSD !== undefined) filter.minCostUSD = minCostUSD;
  if (hasError !== undefined) filter.hasError = hasError;
  return filter;
}

export function sessionFilterOf(url: URL): SessionFilter {
  return { ...pageOf(url), ...strings(url, ["userId", "feature"] as const) };
}
