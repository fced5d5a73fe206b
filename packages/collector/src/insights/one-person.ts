// A power user's big day is not an incident, even when it triples a lightly
// used model's or department's traffic: when one person carries most of a
// series' excess and that person's own series is within its usual range (a
// person's day varies by half its level), the series' point is that person's
// day and is dropped; the whole app's too (a power user's busy hour), where
// she is known to be ordinary (see detect-anomalies.ts). A series a handful
// of people make has the busy days of two or three of them at once now and
// then: so the excess may be carried by up to three people, each ordinary. A
// person who is unusual is reported under her own name.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import type { Metric } from "./metrics.ts";
import { windowOf } from "./time-window.ts";

/** the part of a series' excess one person, or a few, must carry to make it theirs */
const ONE_PERSON = 0.7;
/** a small series' busy day is often two or three people's busy days at once */
const FEW_PEOPLE = 3;
const MAX_READ = 20_000;
/** what one call adds to a total a person can make by herself (calls, tokens, dollars) */
export const AMOUNT: Partial<Record<Metric, (c: LLMCall) => number>> = {
  calls: () => 1,
  tokens: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0),
  cost: (c) => c.cost?.totalUSD ?? 0,
};

/** whether a person's own day (in the measure) is within her usual range; `carried` is what she made in the point's window */
export type OrdinaryDay = (user: string, day: number, metric: Metric, carried: number, hour?: number) => boolean | Promise<boolean>;

export async function oneOrdinaryPerson(store: CallStore, dimension: StatsDimension, a: Anomaly, ordinary: OrdinaryDay): Promise<boolean> {
  const amount = AMOUNT[a.metric];
  if (!amount || dimension === "user") return false;
  for (const filter of filtersOf(dimension, a.key)) {
    const byUser = new Map<string, number>();
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(a.day, a.hour, a.hours) })) {
      const user = call.tags.userId ?? "";
      byUser.set(user, (byUser.get(user) ?? 0) + amount(call));
      if (++read >= MAX_READ) return false;
    }
    if (!read) continue;
    // the fewest people, busiest first, who carry the excess between them
    const need = ONE_PERSON * (a.value - a.expected);
    const carriers: [string, number][] = [];
    let carried = 0;
    // (a key new on the day has no busy days: its appearance is news however few people bring it)
    for (const entry of [...byUser].sort((x, y) => y[1] - x[1]).slice(0, a.usualCalls > 0 ? FEW_PEOPLE : 1)) {
      if (carried >= need) break;
      carriers.push(entry);
      carried += entry[1];
    }
    if (carried < need) return false;
    for (const [user, amount] of carriers) if (user === "" || !(await ordinary(user, a.day, a.metric, amount, a.hour))) return false;
    return true;
  }
  return false;
}
