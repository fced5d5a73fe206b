import { useRef } from "react";
import type { LLMCall, Trace } from "@llmscope/core";
import { callsOf } from "./calls-by-trace.ts";
import { visibleTraceIds } from "./trace-query.ts";

type Index = ReadonlyMap<string, readonly LLMCall[]>;
type Last = { ids: readonly string[]; traces: ReadonlyMap<string, Trace>; index: Index; needle: string; result: string[] };

/**
 * The filtered ids, newest first. Typing one more character only looks at
 * what the last keystroke matched, as the call search does.
 */
export function useVisibleTraces(ids: readonly string[], traces: ReadonlyMap<string, Trace>, index: Index, text: string): string[] {
  const last = useRef<Last | null>(null);
  const needle = text.trim().toLowerCase();
  const prev = last.current;
  if (prev && prev.ids === ids && prev.traces === traces && prev.index === index && prev.needle === needle) return prev.result;
  const narrows = prev && prev.ids === ids && prev.traces === traces && prev.index === index && needle.startsWith(prev.needle);
  // prev.result is newest first; visibleTraceIds walks its input from the end, so hand it oldest first
  const from = narrows ? [...prev.result].reverse() : ids;
  const result = visibleTraceIds(from, traces, (id) => callsOf(index, id), needle);
  last.current = { ids, traces, index, needle, result };
  return result;
}
