// Calls newest first, a page at a time by cursor (so 100,000 stored calls cost
// one page of memory until scrolled), plus a live tail that polls for newer ones.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LLMCall } from "@llmscope/core";
import type { Query } from "../api/collector-api.ts";
import { useCollector } from "../ui/api-context.ts";

const PAGE = 200;
const TAIL_MS = 2000;

export interface CallPages {
  calls: LLMCall[];
  done: boolean;
  loading: boolean;
  error?: Error;
  loadMore(): void;
}

export function useCallPages(query: Query, live: boolean): CallPages {
  const { api } = useCollector();
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ calls: LLMCall[]; cursor?: string; done: boolean; loading: boolean; error?: Error }>({ calls: [], done: false, loading: true });
  const generation = useRef(0);

  const fetchPage = useCallback(
    (cursor: string | undefined, gen: number) => {
      api.calls({ ...query, limit: PAGE, cursor }).then(
        (page) => gen === generation.current && setState((s) => ({ calls: cursor ? [...s.calls, ...page.calls] : page.calls, cursor: page.cursor, done: !page.cursor, loading: false })),
        (error: Error) => gen === generation.current && setState((s) => ({ ...s, loading: false, error })),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    setState({ calls: [], done: false, loading: true });
    fetchPage(undefined, gen);
  }, [fetchPage]);

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      const gen = generation.current;
      setState((s) => {
        const newest = s.calls[0]?.startedAt;
        api.calls({ ...query, limit: PAGE, ...(newest !== undefined ? { from: newest + 1 } : {}) }).then((page) => {
          if (gen !== generation.current || !page.calls.length) return;
          setState((t) => {
            const seen = new Set(t.calls.map((c) => c.id));
            return { ...t, calls: [...page.calls.filter((c) => !seen.has(c.id)), ...t.calls] };
          });
        }, () => undefined);
        return s;
      });
    }, TAIL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, api, key]);

  const loadMore = () => {
    if (state.loading || state.done || !state.cursor) return;
    setState((s) => ({ ...s, loading: true }));
    fetchPage(state.cursor, generation.current);
  };
  return { ...state, loadMore };
}
