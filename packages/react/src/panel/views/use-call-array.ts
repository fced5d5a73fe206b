import { useMemo, useRef } from "react";
import type { LLMCall } from "@llmscope/core";
import { useCalls } from "../../store/use-call-store.ts";

/** The kept calls oldest first; analyses skip calls still in flight, whose numbers are not final. */
export function useCallArray(options: { finishedOnly: boolean }): LLMCall[] {
  const ids = useCalls((s) => s.ids);
  const calls = useCalls((s) => s.calls);
  const previous = useRef<LLMCall[]>([]);
  return useMemo(() => {
    const out: LLMCall[] = [];
    for (const id of ids) {
      const call = calls.get(id);
      if (call && (!options.finishedOnly || call.phase === "done")) out.push(call);
    }
    // a streaming update replaces the calls map, not the finished calls: the
    // same array back keeps the analyses from recomputing every frame
    const prev = previous.current;
    if (out.length === prev.length && out.every((c, i) => c === prev[i])) return prev;
    return (previous.current = out);
  }, [ids, calls, options.finishedOnly]);
}
