// A size change flagged in a wider series (a feature, a department, the model
// most of a prompt's calls run on) whose calls one prompt makes: the prompt
// is the narrowest key that carries it, even where it is too small to be
// judged on its own (a legal team's contract prompt, fifteen calls a day).
// Each prompt's own excess over its baseline, in the measure's unit, is set
// against the flagged series' excess; a prompt must carry most of it, be
// unusual itself, and for a feature or a department sit inside it; of such
// prompts the most unusual is named. A prompt's sizes change with the
// prompt; a model's only when calls moved onto it, which is named before this
// is asked of a workload. A model flagged by itself (a dear model few calls
// used, whose day a feature's switch onto it filled) is no prompt's when that
// prompt's calls moved onto it today: the prompt carries its dollars because
// it switched, and the switch is the cause.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { baselineOf, loadDailySeries } from "./daily-series.ts";
import { shareInside, type ParentDimension } from "./key-parents.ts";
import { impactOf } from "./materiality.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { movedOntoModel } from "./moved-onto-model.ts";
import { CARRIES, type NamedCause } from "./narrowest-cause.ts";
import { FAMILY } from "./rank-causes.ts";
import { windowOf } from "./time-window.ts";

const CONTAINERS: readonly string[] = ["feature", "department"];
const CARRIERS: readonly string[] = ["model", "provider"];
/**
 * the robust z-score a prompt's own change must reach: beyond chance, so a prompt is named for a change it shows
 * itself, not for a noisy day beside it. Not the detector's bar (6): the series it sits in passed that already, and
 * a prompt too small to be judged alone (a contract prompt's fifteen calls a day, half of them before its cache
 * broke) cannot reach it while carrying all of the series' change
 */
const UNUSUAL_Z = 3;
/** a prompt is inside a container when this part of its calls are */
const INSIDE = 0.9;
const NO_SCALE = { calls: 1, tokens: 1, cost: 1 };

/** the prompt that carries the named series' size change, as an anomaly of the same measure */
export async function promptInside(store: CallStore, named: NamedCause, historyDays: number): Promise<{ anomaly: Anomaly; label: string; carried: number } | undefined> {
  const a = named.anomaly;
  // a key new today (a served snapshot, a department) is its own cause
  if (a.hour !== undefined || a.usualCalls === 0 || FAMILY[a.metric] !== "size" || !(CONTAINERS.includes(named.label) || CARRIERS.includes(named.label)) || !(a.impact.amount > 0)) return undefined;
  const spec = METRIC_SPECS[a.metric];
  const prompts = await loadDailySeries(store, "prompt", a.day - historyDays, a.day);
  let best: { key: string; carried: number; z: number; value: number; expected: number; calls: number } | undefined;
  for (const [key, days] of prompts) {
    const row = days.get(a.day);
    const value = row && spec.value(row);
    const base = value === undefined ? undefined : baselineOf(days, a.metric, a.day, historyDays);
    if (!row || value === undefined || !base) continue;
    const delta = spec.worse * (value - base.expected);
    const z = delta / base.sigma;
    if (z < UNUSUAL_Z) continue;
    const carried = impactOf(a.metric, row, delta, NO_SCALE).amount / a.impact.amount;
    if (carried >= CARRIES && (!best || z > best.z)) best = { key, carried, z, value, expected: base.expected, calls: row.calls };
  }
  if (!best) return undefined;
  const window = windowOf(a.day);
  const label = (await store.count({ promptId: best.key, ...window })) > 0 ? "promptId" : "fingerprint";
  if (CONTAINERS.includes(named.label)) {
    const inside = await shareInside(store, { dimension: label, key: best.key, calls: best.calls }, named.label as ParentDimension, a.key, window);
    if (inside < INSIDE) return undefined;
  }
  const prompt: Anomaly = { ...a, dimension: "prompt", key: best.key, value: best.value, expected: best.expected };
  if (named.label === "model" && (await movedOntoModel(store, label, prompt, historyDays)) === a.key) return undefined;
  return { anomaly: prompt, label, carried: Math.min(1, best.carried) };
}
