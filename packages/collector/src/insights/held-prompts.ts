// A prompt whose context drifted up over a week is news on the prompt while
// it climbs; once it holds its new level, the prompt's own series is judged
// against that level (see sustained-level.ts) and goes quiet. The feature and
// the department it is part of do not know that: their tokens per request
// went up with it, their own days before were a climb too, and the first day
// after the drift they were "news" again. So a per-request point of a series
// is read again without the excess of its prompts that hold a level today
// (each prompt's calls in the series at that prompt's usual instead of
// today's), and dropped when what is left is within the usual range. A prompt
// that moved today, or moved on from its level, keeps its excess; so does one
// whose level was never news on the prompt in the week before (a drift whose
// climb the prompt's noise hid is told by its feature, or not at all).
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { promptKeyOf } from "../store/call-row.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import { CALL_MEASURES, filtersOf, stillUnusual, type SizePoint } from "./few-calls.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { sustainedLevel } from "./sustained-level.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";
import { addToRate, type RateSum } from "./rate-sums.ts";
import { windowOf } from "./time-window.ts";

const MAX_READ = 20_000;
/** a prompt's rate is read from days with this many calls, as the detector reads one */
const MIN_CALLS = 20;
/** the days before in which the prompt's level must have been news */
const TOLD_DAYS = 7;

export async function movedWithHeldPrompts(store: CallStore, dimension: StatsDimension, point: SizePoint, scan: ScanOptions, prompts: DailySeries | undefined): Promise<boolean> {
  const { threshold, historyDays } = scan;
  const measure = CALL_MEASURES[point.metric];
  const spec = METRIC_SPECS[point.metric];
  if (dimension === "prompt" || dimension === "user" || point.hour !== undefined || !prompts || !measure?.per || spec.extensive) return false;
  for (const filter of filtersOf(dimension, point.key)) {
    const byPrompt = new Map<string, RateSum>();
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day) })) {
      if (++read >= MAX_READ) return false;
      addToRate(byPrompt, promptKeyOf(call), measure.amount(call), measure.per(call));
    }
    if (!read) continue;
    let [amount, per, oldNews] = [0, 0, 0];
    for (const [prompt, own] of byPrompt) {
      (amount += own.amount), (per += own.per);
      const days = prompts.get(prompt);
      const row = days?.get(point.day);
      const value = row && spec.value(row);
      const base = days && baselineOf(days, point.metric, point.day, historyDays);
      if (!days || value === undefined || !base || !own.per) continue;
      const held = sustainedLevel(days, point.metric, point.day, historyDays, base, spec.worse, Math.max(MIN_CALLS, spec.minCalls ?? 0), threshold);
      const withinHeld = held && spec.worse * (value - held.expected) < Math.max(threshold * held.sigma, spec.minRelativeChange * Math.abs(held.expected));
      // the prompt holds a level it had reached before today: its calls' excess over its usual is that old news
      const told = () => scanSeries(new Map([[prompt, days]]), "prompt", { ...scan, fromDay: point.day - TOLD_DAYS, toDay: point.day - 1, metrics: [point.metric] }).length > 0;
      if (withinHeld && spec.worse * (held.expected - base.expected) > 0 && told()) oldNews += own.amount - own.per * base.expected;
    }
    if (!oldNews || !(per > 0)) return false;
    return !stillUnusual(point, (amount - oldNews) / per, threshold);
  }
  return false;
}
