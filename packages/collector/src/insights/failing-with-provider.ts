// A workload (a prompt, a feature, a person) can carry most of a day's
// failures for two reasons: it made them (a feature retrying into rate limits
// without backoff), or it is what most of a failing provider's calls were for
// at those hours (engineers' code chat at US hours when Anthropic overloads).
// Its share of the day's calls cannot tell them apart, as a workload's share
// of a provider's traffic swings through the day. The calls beside it can: a
// provider's outage fails its other calls at the same hours as often, a
// workload's own failures leave them as they were. The same holds for a model
// carrying most of the failures: when the provider's other models failed
// about as often, the provider failed, not the model. "As often" is read hour
// by hour: an outage of three hours fails engineering, busy at those hours,
// far more over the day than the provider's calls spread over the day.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { HOUR_MS } from "../store/time-buckets.ts";
import { windowOf } from "./time-window.ts";

/** the provider's other calls fail at least this part as often as the workload's: they failed together */
const TOGETHER = 0.5;
/** other calls of the provider needed in the window to say anything */
const MIN_OTHERS = 20;
const MAX_READ = 20_000;

/** calls and failures, hour by hour of the window */
interface Hourly {
  calls: number[];
  failed: number[];
}

const hourly = (): Hourly => ({ calls: [], failed: [] });
const count = (h: Hourly, at: number, failed: boolean) => {
  h.calls[at] = (h.calls[at] ?? 0) + 1;
  if (failed) h.failed[at] = (h.failed[at] ?? 0) + 1;
};
const sum = (xs: number[]) => xs.reduce((s, x) => s + (x ?? 0), 0);

/** the provider the workload's (or model's) failures in the window are the failures of: its other calls failed about as often */
export async function failingWithProvider(store: CallStore, workload: Anomaly): Promise<string | undefined> {
  const window = windowOf(workload.day, workload.hour, workload.hours);
  const hourOf = (startedAt: number) => Math.floor((startedAt - window.from) / HOUR_MS);
  const own = new Map<string, Hourly>();
  const ids = new Set<string>();
  let read = 0;
  // a prompt is its promptId where the app names its prompts, else its fingerprint: the first that has calls
  for (const filter of filtersOf(workload.dimension as StatsDimension, workload.key)) {
    for await (const call of store.iterateCalls({ ...filter, ...window })) {
      ids.add(call.id);
      const p = own.get(call.provider) ?? hourly();
      count(p, hourOf(call.startedAt), !!call.error);
      own.set(call.provider, p);
      if (++read >= MAX_READ) return undefined;
    }
    if (read) break;
  }
  // the provider most of the workload's failures went to
  const [provider, mine] = [...own].sort((a, b) => sum(b[1].failed) - sum(a[1].failed))[0] ?? [];
  if (!provider || !mine || !sum(mine.failed)) return undefined;
  const others = hourly();
  for await (const call of store.iterateCalls({ provider, ...window })) {
    if (ids.has(call.id)) continue;
    count(others, hourOf(call.startedAt), !!call.error);
    if (++read >= MAX_READ) return undefined;
  }
  // the others' failures set against what they would be at the workload's rate of each hour: a workload busy
  // at the hours of an outage fails more over the day than calls spread over it, though each hour as often
  let calls = 0;
  let failed = 0;
  let expected = 0;
  mine.calls.forEach((n, at) => {
    const c = others.calls[at] ?? 0;
    (calls += c), (failed += others.failed[at] ?? 0), (expected += (c * (mine.failed[at] ?? 0)) / n);
  });
  return calls >= MIN_OTHERS && failed >= TOGETHER * expected ? provider : undefined;
}
