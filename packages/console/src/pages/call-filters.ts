// The calls page's filters live in its URL; these turn them into the
// collector's query ("user u42 around 14:02" → userId + a ten-minute window).
import type { Query } from "../api/collector-api.ts";

export const TEXT_FILTERS = [
  ["userId", "User id"],
  ["sessionId", "Session"],
  ["model", "Model"],
  ["provider", "Provider"],
  ["feature", "Feature"],
  ["department", "Department"],
  ["promptId", "Prompt id"],
  ["fingerprint", "Fingerprint"],
  ["errorKind", "Error kind"],
  ["q", "Text in prompt or completion"],
] as const;

export const TIME_FILTERS = [
  ["around", "Around (±5 min)"],
  ["from", "From"],
  ["to", "To"],
] as const;

const AROUND_MS = 5 * 60_000;

/** a datetime-local value (the browser's local time) or epoch ms, as epoch ms */
export function instantOf(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** the named fields that have a value, trimmed */
export function presentFields(filters: URLSearchParams, names: readonly string[]): Query {
  const query: Query = {};
  for (const name of names) {
    const v = filters.get(name)?.trim();
    if (v) query[name] = v;
  }
  return query;
}

export function collectorQueryOf(filters: URLSearchParams): Query {
  return { ...presentFields(filters, TEXT_FILTERS.map(([name]) => name)), ...timeRangeOf(filters) };
}

/** from/to as epoch ms; `around` stands for the ten minutes around it where from or to is not given */
export function timeRangeOf(filters: URLSearchParams): { from?: number; to?: number } {
  const query: { from?: number; to?: number } = {};
  const around = instantOf(filters.get("around"));
  const from = instantOf(filters.get("from")) ?? (around !== undefined ? around - AROUND_MS : undefined);
  const to = instantOf(filters.get("to")) ?? (around !== undefined ? around + AROUND_MS : undefined);
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
}
