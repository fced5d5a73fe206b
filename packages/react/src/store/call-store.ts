import { createStore, type StoreApi } from "zustand/vanilla";
import type { LLMCall } from "@llmscope/core";
import { insertByStart } from "./insert-by-start.ts";

export interface CallState {
  /** every kept call by id; a call's object changes only when that call changes */
  calls: ReadonlyMap<string, LLMCall>;
  /** ids oldest first by start time; a new array only when calls arrive or leave */
  ids: readonly string[];
  errorCount: number;
  /** ids of calls loaded from stored history (earlier page loads) rather than recorded on this page */
  kept: ReadonlySet<string>;
  /** calls pushed out by the memory cap */
  evicted: number;
  paused: boolean;
  selectedId: string | null;
  /** calls started before this are not reloaded from stored history */
  clearedAt: number;
}

export type CallStore = StoreApi<CallState>;

export function createCallStore(): CallStore {
  return createStore<CallState>(() => ({
    calls: new Map(),
    ids: [],
    errorCount: 0,
    kept: new Set(),
    evicted: 0,
    paused: false,
    selectedId: null,
    clearedAt: 0,
  }));
}

/**
 * Merge calls into the store in one state change. Known ids are replaced in
 * place; new ones are added in start-time order; the oldest go once over max.
 * Calls from stored history are marked kept, so what the store holds can be
 * counted as this page's and earlier pages'.
 */
export function upsertCalls(store: CallStore, incoming: readonly LLMCall[], max: number, from: "page" | "history" = "page"): void {
  if (incoming.length === 0) return;
  const state = store.getState();
  const calls = new Map(state.calls);
  let errorCount = state.errorCount;
  // copied on the first change only, so the set's identity changes when its members do
  let kept: Set<string> | undefined;
  const keep = (id: string, isKept: boolean) => {
    if ((kept ?? state.kept).has(id) === isKept) return;
    kept ??= new Set(state.kept);
    if (isKept) kept.add(id);
    else kept.delete(id);
  };
  const added: LLMCall[] = [];
  for (const next of incoming) {
    if (next.startedAt < state.clearedAt) continue;
    const prev = calls.get(next.id);
    // a call this page records is this page's, even if its stored copy came first
    if (from === "page") keep(next.id, false);
    else if (!prev) keep(next.id, true);
    if (prev?.error) errorCount--;
    if (next.error) errorCount++;
    // a copy, so a recorder that mutates one object still gives React a new identity
    calls.set(next.id, { ...next });
    if (!prev) added.push(next);
  }
  let ids = state.ids;
  let evicted = state.evicted;
  if (added.length > 0) {
    ids = insertByStart(ids, added, calls);
    if (ids.length > max) {
      const gone = ids.slice(0, ids.length - max);
      for (const id of gone) {
        if (calls.get(id)?.error) errorCount--;
        calls.delete(id);
        keep(id, false);
      }
      evicted += gone.length;
      ids = ids.slice(ids.length - max);
    }
  }
  const selectedId = state.selectedId !== null && calls.has(state.selectedId) ? state.selectedId : null;
  store.setState({ calls, ids, errorCount, kept: kept ?? state.kept, evicted, selectedId });
}

export function clearCalls(store: CallStore, now = Date.now()): void {
  store.setState({ calls: new Map(), ids: [], errorCount: 0, kept: new Set(), evicted: 0, selectedId: null, clearedAt: now });
}

export function selectCall(store: CallStore, id: string | null): void {
  store.setState({ selectedId: id });
}

/**
 * Show feedback given from the panel on the call it was given for. The
 * recorder tells subscribers of feedback only on calls that ended while they
 * listened, so a call from stored history, or one that ended before the panel
 * connected, shows its feedback through this.
 */
export function setFeedback(store: CallStore, id: string, feedback: NonNullable<LLMCall["feedback"]>): void {
  const state = store.getState();
  const call = state.calls.get(id);
  if (!call) return;
  const calls = new Map(state.calls);
  calls.set(id, { ...call, feedback });
  store.setState({ calls });
}
