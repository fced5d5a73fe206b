// A run of a few hours' scale: the app's usual requests over those hours
// (each hour never below an average hour of the day, as one hour's point is
// judged), and the series' own usual requests in them.
import type { DailySeries } from "./daily-series.ts";
import { appScaleOf, type ScanOptions } from "./scan-series.ts";

export interface HoursRun {
  hour: number;
  hours: number;
}

/** the app's usual requests over the run's hours of `day` */
export function appCallsIn(scan: ScanOptions, appHours: readonly DailySeries[], day: number, run: HoursRun): number {
  let calls = 0;
  for (let h = run.hour; h < run.hour + run.hours; h++) calls += appScaleOf({ ...scan, appHour: appHours[h]!.get("") ?? new Map() }, day, true).calls;
  return calls;
}

/** the calls the run's hours held on the same weekday of the weeks before, the middle of them */
export function usualCallsIn(slices: readonly DailySeries[], key: string, day: number, run: HoursRun, historyDays: number): number {
  const totals: number[] = [];
  for (let d = day - 7; d >= day - historyDays; d -= 7) {
    let calls = 0;
    for (let h = run.hour; h < run.hour + run.hours; h++) calls += slices[h]!.get(key)?.get(d)?.calls ?? 0;
    totals.push(calls);
  }
  totals.sort((a, b) => a - b);
  return totals[Math.floor(totals.length / 2)] ?? 0;
}
