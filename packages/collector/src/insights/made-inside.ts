// A person's tokens or dollars per request are all her calls', wherever she
// made them; a workload's (a prompt's, a feature's) are its calls'. A person
// whose day of long code reviews came beside a chat prompt that grew for
// everyone shows an excess as large as the prompt's, but carries of the
// prompt's change only what her own calls in it added, each over the prompt's
// usual level: she is named for it only when that is most of it.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { filtersOf, SIZE } from "./few-calls.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { windowOf } from "./time-window.ts";

const MAX_READ = 20_000;

/** the part of a workload's size-per-request excess a person's own calls in it made; undefined where it does not apply */
export async function partMadeInside(store: CallStore, person: Anomaly, workload: Anomaly): Promise<number | undefined> {
  const size = SIZE[workload.metric];
  const inapplicable = person.dimension !== "user" || workload.dimension === "user" || workload.dimension === "all";
  if (inapplicable || !size?.per || workload.hour !== undefined || !(workload.impact.amount > 0)) return undefined;
  const worse = METRIC_SPECS[workload.metric].worse;
  for (const filter of filtersOf(workload.dimension, workload.key)) {
    let [excess, read] = [0, 0];
    for await (const call of store.iterateCalls({ ...filter, userId: person.key, ...windowOf(workload.day) })) {
      if (++read >= MAX_READ) return undefined;
      excess += worse * (size.amount(call) - workload.expected * size.per(call));
    }
    if (read) return excess / workload.impact.amount;
  }
  return 0;
}
