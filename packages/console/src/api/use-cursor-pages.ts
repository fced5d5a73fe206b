// A list read a page at a time by cursor, the pages appended as the operator
// asks for more; a new query starts over, and a late answer to an old one is dropped.
import { useEffect, useRef, useState } from "react";

export interface CursorPages<T> {
  items: T[];
  /** a page is on its way, or the rows held are not yet those of the current query */
  loading: boolean;
  /** no page after the last one read */
  done: boolean;
  error?: Error;
  loadMore(): void;
}

interface Held<T> {
  items: T[];
  cursor?: string;
  /** the query the items belong to */
  key?: string;
  loading: boolean;
  error?: Error;
}

export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; cursor?: string }>, key: string): CursorPages<T> {
  const [state, setState] = useState<Held<T>>({ items: [], loading: true });
  const generation = useRef(0);
  const fetchPage = (cursor: string | undefined, gen: number) =>
    load(cursor).then(
      (page) => gen === generation.current && setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, ...(page.cursor ? { cursor: page.cursor } : {}), key, loading: false })),
      (error: Error) => gen === generation.current && setState((s) => ({ ...s, key, loading: false, error })),
    );
  useEffect(() => {
    const gen = ++generation.current;
    setState({ items: [], loading: true });
    void fetchPage(undefined, gen);
    // `key` names everything `load` depends on
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // until the first page of a new query arrives, the old query's rows are not shown as if they were its answer
  const current = state.key === key;
  const loading = state.loading || !current;
  return {
    items: current ? state.items : [],
    loading,
    done: !loading && state.cursor === undefined,
    ...(current && state.error ? { error: state.error } : {}),
    loadMore() {
      if (loading || state.cursor === undefined) return;
      setState((s) => ({ ...s, loading: true }));
      void fetchPage(state.cursor, generation.current);
    },
  };
}
