import type { LLMCall, Trace } from "@llmscope/core";

// Each trace's searchable text is built once per trace object and call list:
// a keystroke then costs one substring test per trace.
const haystacks = new WeakMap<Trace, { calls: readonly LLMCall[]; text: string }>();

function haystackOf(trace: Trace, calls: readonly LLMCall[]): string {
  const cached = haystacks.get(trace);
  if (cached && cached.calls === calls) return cached.text;
  const parts = [trace.name, trace.id, ...Object.values(trace.tags ?? {}), ...trace.steps.map((s) => s.name)];
  for (const call of calls) parts.push(call.responseModel ?? call.model ?? "", call.error?.kind ?? "");
  if (trace.error) parts.push(trace.error.kind, "error");
  const text = parts.join("\n").toLowerCase();
  haystacks.set(trace, { calls, text });
  return text;
}

/** The traces matching the filter (name, id, tags, step names, models, error kinds), newest first. */
export function visibleTraceIds(
  ids: readonly string[],
  traces: ReadonlyMap<string, Trace>,
  callsOf: (traceId: string) => readonly LLMCall[],
  text: string,
): string[] {
  const needle = text.trim().toLowerCase();
  const out: string[] = [];
  for (let i = ids.length - 1; i >= 0; i--) {
    const trace = traces.get(ids[i]!);
    if (!trace) continue;
    if (needle && !haystackOf(trace, callsOf(trace.id)).includes(needle)) continue;
    out.push(trace.id);
  }
  return out;
}
