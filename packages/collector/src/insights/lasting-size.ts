// A prompt's size per request that moved and stayed (a context that has
// drifted up for days, a prompt edited and still at its new size when the
// day ends) costs its extra every day from then on; a one-day spike of the
// same size costs it once. So a per-request point unusual by the detector's
// own rules but short of the tokens or dollars floor is reported at the
// lower `lastingSize` floor when the evidence says it lasts: the day before
// already carried at least half of its extra (a drift held two days), or the
// day's last calls sit at the new size while its first ones did not (an edit
// that held to the day's end). A whole day out and back is neither.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { median } from "../store/median.ts";
import type { DailySeries, KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf, SIZE } from "./few-calls.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";
import { trimmedSizePoints } from "./trimmed-size.ts";
import { windowOf } from "./time-window.ts";

const PER_REQUEST: readonly Metric[] = ["tokensPerRequest", "outputTokensPerRequest", "costPerRequest"];
/** the share of the day the day before must already carry of today's extra to be the same change held */
const HELD_SHARE = 0.5;
/** the day's first and last calls compared: this share of its calls each, and at least this many */
const EDGE_SHARE = 0.25;
const MIN_EDGE = 8;
/** days back the day before with calls enough to read is looked for in (a weekend between) */
const LOOK_BACK = 3;
const MAX_READ = 20_000;

/** a per-request point that passes the lasting floor and not the usual one, and whether it was read from trimmed days */
export interface LastingPoint {
  point: ScoredPoint;
  trimmed: boolean;
}

/**
 * A prompt's size per request read again without each day's largest calls (trimmed-size.ts), read once for both
 * floors: the points that pass the day's floors, and those short of them that pass the lasting floor and last.
 */
export async function sizePointsReadAgain(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<{ trimmed: ScoredPoint[]; lasting: LastingPoint[] }> {
  const metrics = PER_REQUEST.filter((m) => !scan.metrics || scan.metrics.includes(m));
  const applies = dimension === "prompt" && metrics.length > 0 && scan.materiality.lastingSize < Math.min(scan.materiality.tokens, scan.materiality.cost);
  const low: ScanOptions = applies ? { ...scan, metrics, materiality: { ...scan.materiality, tokens: scan.materiality.lastingSize, cost: scan.materiality.lastingSize } } : scan;
  const read = await trimmedSizePoints(store, series, dimension, low);
  if (!applies) return { trimmed: read, lasting: [] };
  const under = (p: ScoredPoint) => p.impact.share < scan.materiality[p.impact.floor];
  const candidates: LastingPoint[] = [
    ...scanSeries(series, dimension, low).filter(under).map((point) => ({ point, trimmed: false })),
    ...read.filter(under).map((point) => ({ point, trimmed: true })),
  ];
  // both readings of a day are kept: the untrimmed one may yet be found carried by a few calls, the trimmed one not
  const lasting: LastingPoint[] = [];
  for (const c of candidates) {
    const days = series.get(c.point.key);
    if (days && (heldSinceDayBefore(days, c.point, scan) || (await endsAtNewSize(store, dimension, c.point)))) lasting.push(c);
  }
  return { trimmed: read.filter((p) => !under(p)), lasting };
}

/** the day before with calls enough to read already carried at least half of the point's extra */
function heldSinceDayBefore(days: KeyDays, point: ScoredPoint, scan: ScanOptions): boolean {
  const spec = METRIC_SPECS[point.metric];
  for (let d = point.day - 1; d >= point.day - LOOK_BACK; d--) {
    const row = days.get(d);
    if (!row || row.calls < scan.minCalls) continue;
    const before = spec.value(row);
    return before !== undefined && spec.worse * (before - point.expected) >= HELD_SHARE * spec.worse * (point.value - point.expected);
  }
  return false;
}

/** the day's last calls sit above its first ones by the day's whole extra: a change begun during the day and held to its end */
async function endsAtNewSize(store: CallStore, dimension: StatsDimension, point: ScoredPoint): Promise<boolean> {
  const size = SIZE[point.metric];
  if (!size) return false;
  for (const filter of filtersOf(dimension, point.key)) {
    const calls: LLMCall[] = [];
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day) })) {
      if (!call.error) calls.push(call);
      if (calls.length >= MAX_READ) return false;
    }
    if (!calls.length) continue;
    const edge = Math.max(MIN_EDGE, Math.ceil(EDGE_SHARE * calls.length));
    if (calls.length < 2 * edge) return false;
    calls.sort((a, b) => a.startedAt - b.startedAt);
    const first = median(calls.slice(0, edge).map(size.amount));
    const last = median(calls.slice(-edge).map(size.amount));
    return last - first >= point.value - point.expected;
  }
  return false;
}
