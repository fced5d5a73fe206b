// Per prompt and day: tokens per call against the trailing 7-day average, the
// alert rules' lines (150% of a call's median, 120% day over day, 200% of the
// 7-day average) and which side grew.
import type { StatsRow } from "../api/types.ts";

export interface TokenDay {
  period: string;
  calls: number;
  inPerCall: number;
  outPerCall: number;
  /** tokens per call over the 7 days before, undefined without history */
  weekAvg?: number;
  diagnosis?: "context bloat" | "verbose answers";
}

export const RULE_LINES = [
  { ratio: 1.5, label: "150% (one call vs its prompt's median)" },
  { ratio: 1.2, label: "120% (day vs day before)" },
  { ratio: 2, label: "200% of the 7-day average" },
] as const;

export function tokenTrend(rows: StatsRow[]): Map<string, TokenDay[]> {
  const byKey = new Map<string, StatsRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const out = new Map<string, TokenDay[]>();
  for (const [key, list] of byKey) {
    const days = list.sort((a, b) => a.period.localeCompare(b.period));
    out.set(key, days.map((r, i) => {
      const week = days.slice(Math.max(0, i - 7), i);
      const weekCalls = week.reduce((s, d) => s + d.calls, 0);
      const day: TokenDay = { period: r.period, calls: r.calls, inPerCall: r.calls ? r.inputTokens / r.calls : 0, outPerCall: r.calls ? r.outputTokens / r.calls : 0 };
      if (weekCalls > 0) {
        const weekIn = week.reduce((s, d) => s + d.inputTokens, 0) / weekCalls;
        const weekOut = week.reduce((s, d) => s + d.outputTokens, 0) / weekCalls;
        day.weekAvg = weekIn + weekOut;
        if (day.inPerCall + day.outPerCall > day.weekAvg * 1.2) day.diagnosis = day.inPerCall - weekIn >= day.outPerCall - weekOut ? "context bloat" : "verbose answers";
      }
      return day;
    }));
  }
  return out;
}
