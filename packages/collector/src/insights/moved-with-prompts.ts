// A person's tokens or cost per request follow the prompts she uses: when a
// prompt's context grew for everyone (a drift, a prompt change), each of its
// users' per-request measure moves with it. That is news once, on the prompt,
// not again on every person whose history predates it (one back from a
// vacation, one who works on it on fewer days). So a person's rate point is
// read again with her prompts' move for everyone else that day divided out,
// each of her calls weighed at its prompt's, and dropped when what is left is
// within her usual range. A person whose own calls moved (a loop feeding huge
// inputs, her own tool misbehaving) stays: the others did not move with her.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { promptKeyOf } from "../store/call-row.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import { CALL_MEASURES, stillUnusual, type SizePoint } from "./few-calls.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { addToRate, type RateSum } from "./rate-sums.ts";
import { windowOf } from "./time-window.ts";

const MAX_READ = 20_000;

export async function movedWithPrompts(store: CallStore, dimension: StatsDimension, point: SizePoint, threshold: number, prompts: DailySeries | undefined, historyDays: number): Promise<boolean> {
  const measure = CALL_MEASURES[point.metric];
  const spec = METRIC_SPECS[point.metric];
  if (dimension !== "user" || point.hour !== undefined || !prompts || !measure?.per || spec.extensive) return false;
  const mine = new Map<string, RateSum>();
  let read = 0;
  for await (const call of store.iterateCalls({ userId: point.key, ...windowOf(point.day) })) {
    if (++read >= MAX_READ) return false;
    addToRate(mine, promptKeyOf(call), measure.amount(call), measure.per(call));
  }
  // her calls at each prompt's usual level, and at its level today among the others
  let [usual, today, amount, per] = [0, 0, 0, 0];
  for (const [prompt, t] of mine) {
    const days = prompts.get(prompt);
    const row = days?.get(point.day);
    const value = row && spec.value(row);
    const base = days && baselineOf(days, point.metric, point.day, historyDays);
    const others = row ? row.calls - t.per : 0;
    if (!row || value === undefined || !base || others <= 0) return false;
    usual += t.per * base.expected;
    today += t.per * ((value * row.calls - t.amount) / others);
    (amount += t.amount), (per += t.per);
  }
  if (!per || !(usual > 0) || !(today > 0)) return false;
  return !stillUnusual(point, (amount / per) * (usual / today), threshold);
}
