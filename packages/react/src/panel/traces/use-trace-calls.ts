import { useRef } from "react";
import type { LLMCall } from "@llmscope/core";
import { useCalls } from "../../store/use-call-store.ts";
import { indexCallsByTrace } from "./calls-by-trace.ts";

type Index = ReadonlyMap<string, readonly LLMCall[]>;

/** Each trace's calls, re-indexed when calls change; unchanged traces keep their arrays. */
export function useCallsByTrace(): Index {
  const cache = useRef<{ ids: unknown; calls: unknown; index: Index } | null>(null);
  return useCalls((s) => {
    const last = cache.current;
    if (last && last.ids === s.ids && last.calls === s.calls) return last.index;
    const index = indexCallsByTrace(s.ids, s.calls, last?.index);
    cache.current = { ids: s.ids, calls: s.calls, index };
    return index;
  });
}
