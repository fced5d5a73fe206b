// A list read a page at a time by cursor, the pages appended as the operator
// asks for more; a new query starts over, and a late answer to an old one is dropped.
import { useEffect, useRef, useState } from "react";

export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  /** no page after the last one read */
  done: boolean;
  error?: Error;
  loadMore(): void;
}

export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; cursor?: string }>, key: string): CursorPages<T> {
  const [state, setState] = useState<{ items: T[]; cursor?: string; loading: boolean; error?: Error }>({ items: [], loading: true });
  const generation = useRef(0);
  const fetchPage = (cursor: string | undefined, gen: number) =>
    load(cursor).then(
      (page) => gen === generation.current && setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, ...(page.cursor ? { cursor: page.cursor } : {}), loading: false })),
      (error: Error) => gen === generation.current && setState((s) => ({ ...s, loading: false, error })),
    );
  useEffect(() => {
    const gen = ++generation.current;
    setState({ items: [], loading: true });
    void fetchPage(undefined, gen);
    // `key` names everything `load` depends on
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return {
    ...state,
    done: !state.loading && state.cursor === undefined,
    loadMore() {
      if (state.loading || state.cursor === undefined) return;
      setState((s) => ({ ...s, loading: true }));
      void fetchPage(state.cursor, generation.current);
    },
  };
}
