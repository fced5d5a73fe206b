import type { LLMCall } from "@llmscope/core";

const none: readonly LLMCall[] = [];

/**
 * Each trace's calls in start order. A trace whose calls did not change keeps
 * its array from last time, so a token streaming into one call repaints only
 * the row of the trace that call belongs to.
 */
export function indexCallsByTrace(
  ids: readonly string[],
  calls: ReadonlyMap<string, LLMCall>,
  previous: ReadonlyMap<string, readonly LLMCall[]> = new Map(),
): Map<string, readonly LLMCall[]> {
  const next = new Map<string, LLMCall[]>();
  for (const id of ids) {
    const call = calls.get(id);
    if (!call?.traceId) continue;
    let list = next.get(call.traceId);
    if (!list) next.set(call.traceId, (list = []));
    list.push(call);
  }
  const out = new Map<string, readonly LLMCall[]>();
  for (const [traceId, list] of next) {
    const prev = previous.get(traceId);
    out.set(traceId, prev && prev.length === list.length && prev.every((c, i) => c === list[i]) ? prev : list);
  }
  return out;
}

export const callsOf = (index: ReadonlyMap<string, readonly LLMCall[]>, traceId: string): readonly LLMCall[] => index.get(traceId) ?? none;
