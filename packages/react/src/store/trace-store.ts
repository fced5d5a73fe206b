import { createStore, type StoreApi } from "zustand/vanilla";
import type { Trace } from "@llmscope/core";
import { insertByStart } from "./insert-by-start.ts";

/** The session's traces, kept apart from the calls so a streaming call does not repaint the trace list. */
export interface TraceState {
  /** a trace's object changes only when that trace changes */
  traces: ReadonlyMap<string, Trace>;
  /** ids oldest first by start time */
  ids: readonly string[];
  /** traces pushed out by the memory cap */
  evicted: number;
  selectedId: string | null;
  /** traces started before this are not taken in again */
  clearedAt: number;
}

export type TraceStore = StoreApi<TraceState>;

export function createTraceStore(): TraceStore {
  return createStore<TraceState>(() => ({ traces: new Map(), ids: [], evicted: 0, selectedId: null, clearedAt: 0 }));
}

/** Merge traces in one state change; known ids are replaced, the oldest go once over max. */
export function upsertTraces(store: TraceStore, incoming: readonly Trace[], max: number): void {
  const state = store.getState();
  const traces = new Map(state.traces);
  const added: Trace[] = [];
  let changed = false;
  for (const next of incoming) {
    if (!next || typeof next.id !== "string" || !(next.startedAt >= state.clearedAt)) continue;
    if (!traces.has(next.id)) added.push(next);
    changed = true;
    // a copy: the recorder may update one object in place, React needs a new identity
    traces.set(next.id, { ...next, steps: Array.isArray(next.steps) ? [...next.steps] : [] });
  }
  if (!changed) return;
  let ids = state.ids;
  let evicted = state.evicted;
  if (added.length > 0) {
    ids = insertByStart(ids, added, traces);
    if (ids.length > max) {
      const gone = ids.slice(0, ids.length - max);
      for (const id of gone) traces.delete(id);
      evicted += gone.length;
      ids = ids.slice(ids.length - max);
    }
  }
  const selectedId = state.selectedId !== null && traces.has(state.selectedId) ? state.selectedId : null;
  store.setState({ traces, ids, evicted, selectedId });
}

export function clearTraces(store: TraceStore, now = Date.now()): void {
  store.setState({ traces: new Map(), ids: [], evicted: 0, selectedId: null, clearedAt: now });
}

export function selectTrace(store: TraceStore, id: string | null): void {
  store.setState({ selectedId: id });
}
