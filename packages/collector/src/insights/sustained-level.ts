// A change that has held since the days before is the key's new level, not
// news every day: a prompt that drifted up over a week, a model whose served
// snapshot now answers at length. A point is then reported only when it is
// also unusual against that new level. The three days before that say
// something are looked at (a rate's days with calls enough to read it), so a
// weekend's low volume between a Friday change and Monday, or a weekend and a
// public holiday before a Tuesday, does not make the level news again. A
// level still climbing day after day is no level: a slow drift (a prompt's
// context growing a little every day) is news once it gets far enough out,
// not the new normal while it creeps up; after that it is judged against
// where it got to.
import { baselineOf, MIN_RATE_CALLS, type KeyDays } from "./daily-series.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import type { Baseline } from "./robust-baseline.ts";
import { median } from "../store/median.ts";

/** days that say something a held change is looked for in, and days back its level is read from */
const RECENT_DAYS = 3;
const LEVEL_DAYS = 7;
/** a day beyond this many sigmas of its own baseline (and half the measure's smallest change worth attention) had moved: looser than a report, so a change that only just held on a busy weekday still counts */
const MOVED_SIGMAS = 2;
/** moved days before today that make a climb, and the sigmas each day must lie further out than the day before (two noisy days differ by √2 sigmas of chance) */
const CLIMB_DAYS = 2;
const CLIMB_SIGMAS = 3;
/**
 * the measures a drift creeps up in (a prompt's context growing a little every day): where an untold level moves on,
 * the change is still under way. A p95 or an error rate that moves on from a day it had moved a little is most often
 * a change told in another series (a new snapshot's longer answers, news on the snapshot the day it took over)
 */
const DRIFTING: readonly Metric[] = ["tokensPerRequest", "outputTokensPerRequest", "costPerRequest"];

/** the level a change in `direction` has held at in the days before `day`; undefined when it has not */
export function sustainedLevel(days: KeyDays, metric: Metric, day: number, historyDays: number, base: Baseline, direction: 1 | -1, minCalls = MIN_RATE_CALLS, threshold = Infinity): Baseline | undefined {
  const spec = METRIC_SPECS[metric];
  const ratios: number[] = [];
  /** the moved days' distance from their own usual, and their own spread, relative to that usual, newest first */
  const distances: { out: number; spread: number }[] = [];
  const excesses: number[] = [];
  const levels: number[] = [];
  /** the moved days themselves, and their own usual */
  const moved: { day: number; own: Baseline }[] = [];
  let recent = false;
  /** the days before that said something, newest first */
  let read = 0;
  /** a moved day that was far enough out to be news itself (newest first): a climb already told */
  let told: number | undefined;
  /** whether a recent moved day was far enough out to be news against the usual level, told or not */
  let farOut = false;
  /** whether the change had moved a day before the recent ones: days old, not under way */
  let settled = false;
  for (let d = day - 1; d >= day - LEVEL_DAYS; d--) {
    const row = days.get(d);
    // a rate read from fewer calls than a day needs to be judged (a weekend, a holiday) says nothing about a level
    if (!spec.extensive && (row?.calls ?? 0) < Math.max(minCalls, spec.minCalls ?? 0)) continue;
    const value = row ? spec.value(row) : spec.extensive ? 0 : undefined;
    const own = baselineOf(days, metric, d, historyDays);
    if (value === undefined || !own) continue;
    const isRecent = ++read <= RECENT_DAYS;
    const out = direction * (value - own.expected);
    if (out <= Math.max(MOVED_SIGMAS * own.sigma, (spec.minRelativeChange / 2) * Math.abs(own.expected), spec.minAbsoluteChange)) continue;
    if (isRecent) recent = true;
    else settled = true;
    const far = isRecent && out >= threshold * own.sigma && out >= spec.minRelativeChange * Math.abs(own.expected);
    farOut ||= far;
    if (told === undefined && far && newsOn(days, metric, d, historyDays, own, direction, minCalls, value, threshold)) told = levels.length;
    moved.push({ day: d, own });
    distances.push({ out: out / Math.max(Math.abs(own.expected), 1e-9), spread: own.sigma / Math.max(Math.abs(own.expected), 1e-9) });
    levels.push(value);
    if (own.expected > 0) ratios.push(value / own.expected);
    excesses.push(value - own.expected);
  }
  if (!recent) return undefined;
  const today = days.get(day) && spec.value(days.get(day)!);
  const relative = (v: number, b: Baseline) => ({ out: (direction * (v - b.expected)) / Math.max(Math.abs(b.expected), 1e-9), spread: b.sigma / Math.max(Math.abs(b.expected), 1e-9) });
  // a climb is news while it creeps out; once one of its recent days was far enough out to be news, it is judged
  // against where it got to, and is news again only when it has moved on by a change worth attention (a day after a
  // drift stopped, with its noise on top, is not)
  if (today !== undefined && climbing([relative(today, base), ...distances], CLIMB_DAYS)) {
    // a climb that set out from a level held before it (a drift's new level, where a newer change came on top) is
    // judged from there, as a told one
    const start = CLIMB_DAYS - 1;
    // a told climb got to its newest day: the days after the told one were each no news against it
    const from = told !== undefined ? 0 : (!newsOn(days, metric, moved[start]!.day, historyDays, moved[start]!.own, direction, minCalls, levels[start]!, threshold) ? start : undefined);
    if (from === undefined) return undefined;
    return { expected: levels[from]!, sigma: Math.max(base.sigma * Math.max(1, Math.abs(levels[from]! / (base.expected || 1))), spec.minAbsoluteChange), samples: 1 };
  }
  // The new level on this day's own usual (a Sunday stays a Sunday): a change
  // that scales with the traffic (new people) or adds a fixed amount (a nightly
  // job); whichever the day is nearer to.
  // after a climb the level is where the climb got to, not the middle of its way up
  const latest = plateau(distances);
  const scaled = base.expected > 0 && ratios.length ? base.expected * median(ratios.slice(0, latest)) : median(levels.slice(0, latest));
  const added = base.expected + median(excesses.slice(0, latest));
  const value = (() => {
    const row = days.get(day);
    return row ? spec.value(row) : undefined;
  })();
  const expected = value !== undefined && Math.abs(value - added) < Math.abs(value - scaled) ? added : scaled;
  const scale = base.expected > 0 ? Math.max(1, Math.abs(expected / base.expected)) : 1;
  const held = { expected, sigma: Math.max(base.sigma * scale, spec.minAbsoluteChange), samples: levels.length };
  // a level none of whose recent days was news, each short of the threshold (a drift's first days, a weekend
  // between them that says nothing), is a change nobody was told of: where today moves on from it by half the
  // threshold it is still under way, and today is judged against the usual level, as a climb is. Not once it had
  // moved before the recent days: a level days old (a new snapshot's longer answers, a few more each day as its
  // users come to work) is where the series now is, with its noise on top
  if (!farOut && !settled && DRIFTING.includes(metric) && today !== undefined && direction * (today - held.expected) >= Math.max((threshold / 2) * held.sigma, (spec.minRelativeChange / 2) * Math.abs(held.expected))) return undefined;
  return held;
}

/** a key's days' answers to whether a day was news, by metric, day and the reading's settings: a series' days are read again for every day after them */
const newsRead = new WeakMap<KeyDays, Map<string, boolean>>();

/**
 * whether a far-out day was news itself, not a level that had held since the days before it. The day is read as
 * the scan read it, with the same threshold: a drift's day that moved on from its untold first days was news (the
 * drift told), so the day after it is judged against where it got to
 */
function newsOn(days: KeyDays, metric: Metric, day: number, historyDays: number, base: Baseline, direction: 1 | -1, minCalls: number, value: number, threshold: number): boolean {
  const memo = newsRead.get(days) ?? new Map<string, boolean>();
  newsRead.set(days, memo);
  const id = `${metric} ${day} ${historyDays} ${direction} ${minCalls} ${threshold}`;
  const known = memo.get(id);
  if (known !== undefined) return known;
  const held = sustainedLevel(days, metric, day, historyDays, base, direction, minCalls, threshold);
  const spec = METRIC_SPECS[metric];
  const news = !held || (direction * (value - held.expected) > 0 && Math.abs(value - held.expected) >= Math.max(threshold * held.sigma, spec.minRelativeChange * Math.abs(held.expected)));
  memo.set(id, news);
  return news;
}

/** the newest days at the newest one's level: the days before the first one lying below it by more than chance moves a day (a step of the climb that led there) */
function plateau(newestFirst: readonly { out: number; spread: number }[]): number {
  const newest = newestFirst[0]!;
  const below = newestFirst.findIndex((d) => newest.out - d.out > CLIMB_SIGMAS * d.spread);
  return below === -1 ? newestFirst.length : below;
}

/** whether the newest day and the `steps` days before it each lie further out than the day before, by more than chance moves a day */
function climbing(newestFirst: readonly { out: number; spread: number }[], steps: number): boolean {
  if (newestFirst.length < steps + 1) return false;
  for (let i = 0; i < steps; i++) {
    const [later, earlier] = [newestFirst[i]!, newestFirst[i + 1]!];
    if (!(later.out - earlier.out > CLIMB_SIGMAS * earlier.spread)) return false;
  }
  return true;
}
