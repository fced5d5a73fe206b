// A person never seen before is a joiner, a new job's service user, or a loop
// someone started on her first day. A joiner works like her colleagues: her
// calls come through the office day, a few dozen in her busiest hour, and
// people being heavy-tailed, a power user's first day can be a fifth of the
// app's requests or, on a lawyer's contracts, several times its dollars; that
// is a power user's day, not an incident. A script or a loop makes its calls
// by the hundred an hour. So a new person's point is kept only where one hour
// of hers holds at least the requests floor of the app's day (5%): no person
// at a keyboard does that.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { HOUR_MS } from "../store/time-buckets.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { appScaleOf, type ScanOptions } from "./scan-series.ts";
import { windowOf } from "./time-window.ts";

const MAX_READ = 20_000;

/** whether a person's day is spread as a person's work is: none of her hours holds `hourFloor` requests or more */
export async function workedLikeAPerson(store: CallStore, user: string, day: number, hourFloor: number): Promise<boolean> {
  const byHour = new Array<number>(24).fill(0);
  const window = windowOf(day);
  let read = 0;
  for await (const call of store.iterateCalls({ userId: user, ...window })) {
    if (++read >= MAX_READ) return false;
    const hour = Math.min(23, Math.floor((call.startedAt - window.from) / HOUR_MS));
    if (++byHour[hour]! >= hourFloor) return false;
  }
  return read > 0;
}

/** a new person's point that is her first day of work as a person does it, not news of its own */
export async function aJoinersDay(store: CallStore, dimension: StatsDimension, point: ScoredPoint, scan: ScanOptions): Promise<boolean> {
  if (dimension !== "user" || point.usualCalls > 0) return false;
  return workedLikeAPerson(store, point.key, point.day, scan.materiality.calls * appScaleOf(scan, point.day, false).calls);
}
