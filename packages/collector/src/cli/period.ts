// --since 30d | --from <date> --to <date>, shared by report and export.
import { parseDuration, parseInstant } from "../shared/parse-time.ts";
import { UsageError } from "./cli-io.ts";

export interface Period {
  from: number;
  to: number;
}

export function periodOf(values: { since?: string | undefined; from?: string | undefined; to?: string | undefined }, now: number, defaultSince: string | undefined): Partial<Period> {
  const to = values.to !== undefined ? instant(values.to, "--to") : undefined;
  if (values.from !== undefined) return { from: instant(values.from, "--from"), ...(to !== undefined ? { to } : {}) };
  const since = values.since ?? defaultSince;
  if (since === undefined) return to !== undefined ? { to } : {};
  const ms = parseDuration(since);
  if (ms === undefined) throw new UsageError(`--since must be a duration like 7d, 24h or 30d (got ${JSON.stringify(since)})`);
  const end = to ?? now;
  return { from: end - ms, to: end };
}

function instant(text: string, flag: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw new UsageError(`${flag} must be a date (2026-03-04, an ISO time, or epoch ms)`);
  return ms;
}
