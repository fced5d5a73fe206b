import { useMemo } from "react";
import type { LLMCall } from "@llmscope/core";
import { useCalls } from "../../store/use-call-store.ts";

/** The kept calls oldest first; analyses skip calls still in flight, whose numbers are not final. */
export function useCallArray(options: { finishedOnly: boolean }): LLMCall[] {
  const ids = useCalls((s) => s.ids);
  const calls = useCalls((s) => s.calls);
  return useMemo(() => {
    const out: LLMCall[] = [];
    for (const id of ids) {
      const call = calls.get(id);
      if (call && (!options.finishedOnly || call.phase === "done")) out.push(call);
    }
    return out;
  }, [ids, calls, options.finishedOnly]);
}
