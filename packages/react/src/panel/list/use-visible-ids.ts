import { useCallback, useRef, useSyncExternalStore } from "react";
import type { CallStore } from "../../store/call-store.ts";
import { narrowIds, narrows, sameIds, visibleIds, type ListQuery } from "./call-query.ts";

/**
 * The filtered, sorted ids, as a value that keeps its identity while the
 * answer stays the same: a streaming update to one call then re-renders that
 * call's row, not the whole list.
 */
export function useVisibleIds(store: CallStore, query: ListQuery): readonly string[] {
  const cache = useRef<{ ids: unknown; calls: unknown; query: ListQuery; result: readonly string[] } | null>(null);
  const getSnapshot = useCallback(() => {
    const { ids, calls } = store.getState();
    const last = cache.current;
    if (last && last.ids === ids && last.calls === calls && last.query === query) return last.result;
    // typing one more character only needs to look at what the last keystroke matched
    const incremental = last && last.ids === ids && last.calls === calls && narrows(last.query, query);
    const next = incremental ? narrowIds(last.result, calls, query) : visibleIds(ids, calls, query);
    const result = last && sameIds(last.result, next) ? last.result : next;
    cache.current = { ids, calls, query, result };
    return result;
  }, [store, query]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
