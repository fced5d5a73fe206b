// When the narrowest key's calls moved onto a model they did not use before
// (a feature's answers switched to a dearer model), the move is the cause and
// the model is named. Read from the hour the change began, so a switch at
// 18:00 is not diluted by the morning's calls, and by the model's share of the
// key's calls, so a feature of three steps whose answering step moved counts.
// The same holds for the snapshot a provider serves under an alias: when a
// model's or a prompt's calls moved today onto a snapshot they were not served
// by before (and not onto another model), the snapshot is the cause.
import type { CallStore } from "../store/call-store.ts";
import { dayStart, DAY_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { FILTER_FIELD } from "./first-changed-call.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { onsetHour } from "./onset-hour.ts";
import { windowOf } from "./time-window.ts";

/** a key moved onto a model when the model's share of its calls rose by this much … */
const MOVED_SHARE = 0.25;
/** … from at most this share in the week before */
const WAS_ON_MODEL = 0.2;
/** days before the anomaly a key's usual models are read from */
const USUAL_DAYS = 7;
/** the calls read to see which models a key's calls are on, and the models looked at */
const MAX_READ = 5_000;
const MAX_MODELS = 3;

/** what a key's calls can move onto: the model asked for, or the snapshot that served it */
export type ServedBy = "model" | "responseModel";

/** the model (or served snapshot) the key's calls moved onto today, if they did */
export async function movedOntoModel(store: CallStore, label: string, key: Anomaly, historyDays = 28, onto: ServedBy = "model"): Promise<string | undefined> {
  const field = FILTER_FIELD[label];
  if (!field) return undefined;
  const onset = key.hour === undefined ? await onsetHour(store, label, key.key, key.metric, key.day, METRIC_SPECS[key.metric].worse, historyDays) : undefined;
  const today = { ...windowOf(key.day, key.hour), ...(onset !== undefined ? { from: windowOf(key.day, onset).from } : {}) };
  const models = new Map<string, number>();
  let read = 0;
  for await (const call of store.iterateCalls({ [field]: key.key, ...today })) {
    const model = call[onto];
    if (model) models.set(model, (models.get(model) ?? 0) + 1);
    if (++read >= MAX_READ) break;
  }
  if (!read) return undefined;
  const before = { from: dayStart(key.day) - USUAL_DAYS * DAY_MS, to: dayStart(key.day) };
  const usual = await store.count({ [field]: key.key, ...before });
  // a key new today moved nowhere: it began there
  if (!usual) return undefined;
  for (const [model, calls] of [...models].sort((a, b) => b[1] - a[1]).slice(0, MAX_MODELS)) {
    const then = (await store.count({ [field]: key.key, [onto]: model, ...before })) / usual;
    if (then <= WAS_ON_MODEL && calls / read - then >= MOVED_SHARE) return model;
  }
  return undefined;
}
