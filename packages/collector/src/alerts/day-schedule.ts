// When a rule that judges whole days from the rollups scores a day. Records
// that arrive live re-score their day at most every 15 minutes of record time,
// whatever the batch size. Records received long after they were made (a
// backfill of months, an outbox catching up) are not scored batch by batch:
// each of their days is scored once, whole, when records of a later day
// arrive, so a backfill ingests at live speed and is judged once per closed
// day. The state is per store, so each rule keeps its own schedule.
import type { CallStore } from "../store/call-store.ts";
import { dayStart, hourOf } from "../store/time-buckets.ts";

const RESCORE_MS = 15 * 60_000;
/** records that started this long before they were received are catching up, not live */
export const CATCH_UP_MS = 3_600_000;

export interface DueDay {
  day: number;
  /** the record time the day is judged at: the latest record of a live day, the day's end for a caught-up one */
  now: number;
  /** an hour has ended since the day was last judged (or it is judged whole) */
  hourly: boolean;
}

export interface DaySchedule {
  /** the days due for scoring, given the latest record time of each day a batch touched */
  due(store: CallStore, latestByDay: ReadonlyMap<number, number>, receivedAt: number): DueDay[];
}

export function createDaySchedule(): DaySchedule {
  /** the days a catch-up has delivered records for, still to be scored once */
  const pendingDays = new WeakMap<CallStore, Set<number>>();
  /** per day: the record time it was last scored at, and the hours that had ended by then */
  const lastScored = new WeakMap<CallStore, Map<number, { at: number; hoursEnded: number }>>();

  /** undefined while the day was scored less than 15 minutes ago */
  const live = (store: CallStore, day: number, at: number): DueDay | undefined => {
    let days = lastScored.get(store);
    if (!days) lastScored.set(store, (days = new Map()));
    const last = days.get(day);
    if (last !== undefined && at < last.at + RESCORE_MS) return undefined;
    const hoursEnded = hourOf(at);
    days.set(day, { at, hoursEnded });
    // only the recent days matter; forget the rest
    for (const d of days.keys()) if (d < day - 2) days.delete(d);
    return { day, now: at, hourly: last === undefined || hoursEnded > last.hoursEnded };
  };

  return {
    due(store, latestByDay, receivedAt) {
      if (!latestByDay.size) return [];
      let pending = pendingDays.get(store);
      if (!pending) pendingDays.set(store, (pending = new Set()));
      const reached = Math.max(...latestByDay.keys());
      const due: DueDay[] = [];
      for (const [day, latest] of latestByDay) {
        if (receivedAt - latest > CATCH_UP_MS) pending.add(day);
        else {
          const d = live(store, day, latest);
          if (d) due.push(d);
        }
      }
      // a caught-up day is whole once records of a later day arrive
      for (const day of [...pending].sort((a, b) => a - b)) {
        if (day >= reached) continue;
        pending.delete(day);
        due.push({ day, now: dayStart(day + 1) - 1, hourly: true });
      }
      return due;
    },
  };
}
