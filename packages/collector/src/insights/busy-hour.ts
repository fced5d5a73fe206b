// An evening hour of the whole app at three or four times its usual requests
// is, most often, a dozen people working late: each makes a handful of
// calls, no more than her usual day's work, and gets her answers as usual.
// One to three such people are one-person.ts's case; this is the same reading
// for however many of them there are. A flood that is an incident is not
// made like that: a loop or a nightly script is one key's hundreds of calls
// (more than its usual day, or a key too new to judge), and a retry storm's
// extra calls fail, so they count for no one here. A provider's hour, the
// other series whose hours are judged by their requests, is read the same
// way: the dozen people working late made their calls on its models.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import type { OrdinaryDay } from "./one-person.ts";
import { filtersOf } from "./few-calls.ts";
import { windowOf } from "./time-window.ts";

/** the part of the hour's excess that ordinary people's answered calls must make */
const CARRIED = 0.7;
const MAX_READ = 20_000;

/** the series whose hours are judged by their requests */
const HOURLY_CALLS: readonly Anomaly["dimension"][] = ["all", "provider"];

/** whether the whole app's, or a provider's, extra requests in an hour are answered calls of people each within her usual day */
export async function manyOrdinaryPeople(store: CallStore, a: Anomaly, ordinary: OrdinaryDay): Promise<boolean> {
  if (!HOURLY_CALLS.includes(a.dimension) || a.metric !== "calls" || a.hour === undefined || !(a.usualCalls > 0)) return false;
  const answered = new Map<string, number>();
  let read = 0;
  for await (const call of store.iterateCalls({ ...filtersOf(a.dimension, a.key)[0], ...windowOf(a.day, a.hour, a.hours) })) {
    if (++read >= MAX_READ) return false;
    const user = call.tags.userId;
    if (user && !call.error) answered.set(user, (answered.get(user) ?? 0) + 1);
  }
  let carried = 0;
  for (const [user, calls] of answered) if (await ordinary(user, a.day, a.metric, calls, a.hour)) carried += calls;
  return carried >= CARRIED * (a.value - a.expected);
}
