// Query-string parsing with 400s that name the parameter.
import type { ErrorKind } from "@llmscope/core";
import type { CallFilter } from "../store/call-store.ts";
import { parseDuration, parseInstant } from "../shared/parse-time.ts";
import { HttpError } from "./responses.ts";

const STRING_FILTERS = ["userId", "sessionId", "model", "provider", "feature", "department", "fingerprint", "promptId"] as const;

export function instantParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const ms = parseInstant(raw);
  if (ms === undefined) throw new HttpError(400, `${name} must be epoch ms or an ISO date`);
  return ms;
}

export function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new HttpError(400, `${name} must be an integer from 1 to ${max}`);
  return n;
}

export function durationParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  const ms = parseDuration(raw);
  if (ms === undefined) throw new HttpError(400, `${name} must be a duration like 30m, 24h or 7d`);
  return ms;
}

export function oneOf<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T): T {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new HttpError(400, `${name} must be one of ${allowed.join(", ")}`);
  return raw as T;
}

export function callFilterOf(url: URL): CallFilter {
  const filter: CallFilter = {};
  for (const name of STRING_FILTERS) {
    const v = url.searchParams.get(name);
    if (v) filter[name] = v;
  }
  const errorKind = url.searchParams.get("errorKind");
  if (errorKind) filter.errorKind = errorKind as ErrorKind;
  const q = url.searchParams.get("q")?.trim();
  if (q) filter.q = q;
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  filter.limit = intParam(url, "limit", 50, 500);
  const cursor = url.searchParams.get("cursor");
  if (cursor) filter.cursor = cursor;
  return filter;
}
