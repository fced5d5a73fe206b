// Where each key of a dimension sits in the others: the model a prompt runs
// on, the feature and department it belongs to, the provider behind a model.
// The rollups are cut one dimension at a time, so this is read from one
// stored call of each key in the window (an indexed lookup, never a scan).
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore } from "../store/call-store.ts";
import { FILTER_FIELD } from "./first-changed-call.ts";
import type { TimeWindow } from "./time-window.ts";

export type ParentDimension = "model" | "provider" | "feature" | "department";
export type KeyParents = Partial<Record<ParentDimension, string>>;

/** at most this many keys of one dimension are looked up, the busiest first */
const MAX_KEYS = 100;

const PARENT_OF: Record<ParentDimension, (call: LLMCall) => string | undefined> = {
  model: (c) => c.model,
  provider: (c) => c.provider,
  feature: (c) => c.tags.feature,
  department: (c) => c.tags.department,
};

/** each key's parents; `dimension` is the key's label: promptId, fingerprint, model, feature … */
export async function keyParents(store: CallStore, keys: readonly { dimension: string; key: string; calls: number }[], window: TimeWindow): Promise<Map<string, KeyParents>> {
  const parents = new Map<string, KeyParents>();
  const busiest = [...keys].sort((a, b) => b.calls - a.calls).slice(0, MAX_KEYS);
  for (const { dimension, key } of busiest) {
    const field = FILTER_FIELD[dimension];
    if (!field) continue;
    // the newest call: a key that moved in the window (a prompt switched to another
    // model at noon) sits where it moved to
    const { calls } = await store.listCalls({ [field]: key, ...window, limit: 1 });
    const call = calls[0];
    if (!call) continue;
    const found: KeyParents = {};
    for (const [parent, read] of Object.entries(PARENT_OF) as [ParentDimension, (c: LLMCall) => string | undefined][]) {
      const value = read(call);
      if (value) found[parent] = value;
    }
    parents.set(key, found);
  }
  return parents;
}

const PARENT_FIELD: Record<ParentDimension, keyof CallFilter> = { model: "model", provider: "provider", feature: "feature", department: "department" };

/** the part of a key's calls in the window that lie inside one parent key: a prompt moved to another model at noon is only half inside it */
export async function shareInside(store: CallStore, child: { dimension: string; key: string; calls: number }, parentDimension: ParentDimension, parentKey: string, window: TimeWindow): Promise<number> {
  const field = FILTER_FIELD[child.dimension];
  if (!field || child.calls <= 0) return 0;
  const inside = await store.count({ [field]: child.key, [PARENT_FIELD[parentDimension]]: parentKey, ...window });
  return inside / child.calls;
}
