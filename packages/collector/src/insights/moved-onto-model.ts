// When the narrowest key's calls moved onto a model they did not use before
// (a feature's answers switched to a dearer model), the move is the cause and
// the model is named. Read from the hour the change began, so a switch at
// 18:00 is not diluted by the morning's calls, against the same hours of the
// days before, as which models a key's calls run on follows the clock (a
// provider serves one office's drafts in the morning and another's code
// reviews in the afternoon: from an afternoon onset its calls did not move
// onto the code reviews' model), and by the model's share of the key's calls,
// so a feature of three steps whose answering step moved counts. The usual
// share is the median of the days', so one day a loop filled those hours with
// calls on another model does not make the usual one look new. A size per
// request moved by the switch is carried by the calls on the new model: a
// prompt whose context drifted on every model, its calls since the afternoon
// on another mix of people's preferred models, moved nowhere.
// The same holds for the snapshot a provider serves under an alias: when a
// model's or a prompt's calls moved today onto a snapshot they were not served
// by before (and not onto another model), the snapshot is the cause.
import type { CallFilter, CallStore } from "../store/call-store.ts";
import { DAY_MS } from "../store/time-buckets.ts";
import { median } from "../store/median.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { FILTER_FIELD } from "./first-changed-call.ts";
import { SIZE } from "./few-calls.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { onsetHour } from "./onset-hour.ts";
import { windowOf, type TimeWindow } from "./time-window.ts";

/** a key moved onto a model when the model's share of its calls rose by this much … */
const MOVED_SHARE = 0.25;
/** … from at most this share in the week before */
const WAS_ON_MODEL = 0.2;
/** days before the anomaly whose same hours a key's usual models are read from */
const USUAL_DAYS = 7;
/** the calls read to see which models a key's calls are on, and the models looked at */
const MAX_READ = 5_000;
const MAX_MODELS = 3;
/**
 * a move to a model that took fewer than this many of the key's calls, and less than half of them, is a few people's
 * own choice of model (a contract prompt's fifteen calls a day, some of them on the model one lawyer prefers), not a
 * switch; a switch late in the evening takes all of the few calls left
 */
const MIN_MOVED_CALLS = 10;
const MOST = 0.5;
/** the part of a size per request's excess (over the key's usual level, from the hour the change began) the calls on the model must carry */
const CARRIED_ON_MODEL = 0.7;

/** what a key's calls can move onto: the model asked for, or the snapshot that served it */
export type ServedBy = "model" | "responseModel";

/** the model (or served snapshot) the key's calls moved onto today, if they did */
export async function movedOntoModel(store: CallStore, label: string, key: Anomaly, historyDays = 28, onto: ServedBy = "model"): Promise<string | undefined> {
  const field = FILTER_FIELD[label];
  if (!field) return undefined;
  const onset = key.hour === undefined ? await onsetHour(store, label, key.key, key.metric, key.day, METRIC_SPECS[key.metric].worse, historyDays) : undefined;
  const today = { ...windowOf(key.day, key.hour), ...(onset !== undefined ? { from: windowOf(key.day, onset).from } : {}) };
  const models = new Map<string, number>();
  // for a size per request, each model's calls' excess over the key's usual level, and all calls'
  const size = SIZE[key.metric]?.per ? SIZE[key.metric] : undefined;
  const excess = new Map<string, number>();
  let total = 0;
  let read = 0;
  for await (const call of store.iterateCalls({ [field]: key.key, ...today })) {
    const model = call[onto];
    if (model) models.set(model, (models.get(model) ?? 0) + 1);
    if (size) {
      const over = METRIC_SPECS[key.metric].worse * (size.amount(call) - key.expected * size.per!(call));
      total += over;
      if (model) excess.set(model, (excess.get(model) ?? 0) + over);
    }
    if (++read >= MAX_READ) break;
  }
  if (!read) return undefined;
  // each day before at the same hours, or (a key never seen at these hours) its whole days
  const daysBefore = (span: TimeWindow) => Array.from({ length: USUAL_DAYS }, (_, d) => ({ from: span.from - (d + 1) * DAY_MS, to: span.to - (d + 1) * DAY_MS }));
  const countsIn = (windows: readonly TimeWindow[], filter: Partial<CallFilter>) => Promise.all(windows.map((w) => store.count({ ...filter, ...w })));
  let before = daysBefore(today);
  let usual = await countsIn(before, { [field]: key.key });
  if (!usual.some((n) => n > 0)) (before = daysBefore(windowOf(key.day))), (usual = await countsIn(before, { [field]: key.key }));
  const live = before.filter((_, i) => usual[i]! > 0);
  // a key new today moved nowhere: it began there
  if (!live.length) return undefined;
  const liveCalls = usual.filter((n) => n > 0);
  for (const [model, calls] of [...models].sort((a, b) => b[1] - a[1]).slice(0, MAX_MODELS)) {
    // the model's usual share, day by day: one day of a loop on other models at these hours does not make it look new
    const onModel = await countsIn(live, { [field]: key.key, [onto]: model });
    const then = median(onModel.map((n, i) => n / liveCalls[i]!));
    const carried = !size || !(total > 0) || (excess.get(model) ?? 0) >= CARRIED_ON_MODEL * total;
    if ((calls >= MIN_MOVED_CALLS || calls / read >= MOST) && then <= WAS_ON_MODEL && calls / read - then >= MOVED_SHARE && carried) return model;
  }
  return undefined;
}
