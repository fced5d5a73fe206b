// A workload (a prompt, a feature, a person) can carry most of a day's
// failures for two reasons: it made them (a feature retrying into rate limits
// without backoff), or it is what most of a failing provider's calls were for
// at those hours (engineers' code chat at US hours when Anthropic overloads).
// Its share of the day's calls cannot tell them apart, as a workload's share
// of a provider's traffic swings through the day. The calls beside it can: a
// provider's outage fails its other calls at the same hours as often, a
// workload's own failures leave them as they were. The same holds for a model
// carrying most of the failures: when the provider's other models failed
// about as often, the provider failed, not the model.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { windowOf } from "./time-window.ts";

/** the provider's other calls fail at least this part as often as the workload's: they failed together */
const TOGETHER = 0.5;
/** other calls of the provider needed in the window to say anything */
const MIN_OTHERS = 20;
const MAX_READ = 20_000;

/** the provider the workload's (or model's) failures in the window are the failures of: its other calls failed about as often */
export async function failingWithProvider(store: CallStore, workload: Anomaly): Promise<string | undefined> {
  const window = windowOf(workload.day, workload.hour);
  const own = new Map<string, { calls: number; failed: number }>();
  const ids = new Set<string>();
  let read = 0;
  // a prompt is its promptId where the app names its prompts, else its fingerprint: the first that has calls
  for (const filter of filtersOf(workload.dimension as StatsDimension, workload.key)) {
    for await (const call of store.iterateCalls({ ...filter, ...window })) {
      ids.add(call.id);
      const p = own.get(call.provider) ?? { calls: 0, failed: 0 };
      p.calls++;
      if (call.error) p.failed++;
      own.set(call.provider, p);
      if (++read >= MAX_READ) return undefined;
    }
    if (read) break;
  }
  // the provider most of the workload's failures went to
  const [provider, mine] = [...own].sort((a, b) => b[1].failed - a[1].failed)[0] ?? [];
  if (!provider || !mine || !mine.failed) return undefined;
  let calls = 0;
  let failed = 0;
  for await (const call of store.iterateCalls({ provider, ...window })) {
    if (ids.has(call.id)) continue;
    calls++;
    if (call.error) failed++;
    if (++read >= MAX_READ) return undefined;
  }
  return calls >= MIN_OTHERS && failed / calls >= TOGETHER * (mine.failed / mine.calls) ? provider : undefined;
}
