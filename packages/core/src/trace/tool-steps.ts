// Tool steps the app never timed: a call whose completion asks for tools (by
// call id) and a later call of the same trace whose request carries their
// results bound the time the tool ran. Arguments and results come from the
// calls as delivered, so `redact` has had its say over them; a call redact
// dropped contributes timing only.
import type { LLMCall } from "../types.ts";
import { spanId } from "./ids.ts";
import { addAttributes } from "./step-attributes.ts";
import { toolResultsOf } from "./tool-results.ts";
import type { Step } from "./types.ts";

export interface SettledCall {
  call: LLMCall;
  /** epoch ms, on the trace's clock */
  startedAt: number;
  /** as the sinks got it; null when redact dropped it */
  delivered?: LLMCall | null | undefined;
}

export const TOOL_CALL_ID = "gen_ai.tool.call.id";

/**
 * One `tool` step per tool call answered later in the trace, except the ids
 * in `timedByApp`. Returns the steps and how many attribute values were cut.
 */
export function toolSteps(traceId: string, calls: readonly SettledCall[], timedByApp: ReadonlySet<string>): { steps: Step[]; cut: number } {
  const ordered = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const results = new Map<SettledCall, Map<string, string>>();
  const resultsOf = (c: SettledCall) => {
    let found = results.get(c);
    if (!found) results.set(c, (found = toolResultsOf(c.delivered?.request?.body)));
    return found;
  };
  const steps: Step[] = [];
  let cut = 0;
  ordered.forEach((asked, i) => {
    const end = asked.startedAt + (asked.call.timing.durationMs ?? 0);
    for (const tool of asked.call.completion.toolCalls ?? []) {
      const id = tool.id;
      if (!id || timedByApp.has(id)) continue;
      // a later call carrying the result answers it, even one that began a moment before the asking call's
      // end was taken: that end is when the recorder's copy of the body arrived, which in a busy runtime
      // (a Workers isolate serving many requests) can come after the app had its copy and moved on
      const answer = ordered.slice(i + 1).find((later) => resultsOf(later).has(id));
      if (!answer) continue;
      const start = Math.min(end, answer.startedAt);
      const step: Step = { id: spanId(), traceId, name: tool.name || "tool", kind: "tool", startedAt: start, durationMs: answer.startedAt - start };
      if (asked.call.parentId) step.parentId = asked.call.parentId;
      const args = asked.delivered?.completion.toolCalls?.find((t) => t.id === id)?.arguments;
      const attributes: Record<string, string> = { "gen_ai.tool.name": tool.name, [TOOL_CALL_ID]: id };
      if (args !== undefined) attributes["gen_ai.tool.call.arguments"] = args;
      attributes["gen_ai.tool.call.result"] = resultsOf(answer).get(id)!;
      cut += addAttributes((step.attributes = {}), attributes);
      steps.push(step);
    }
  });
  return { steps, cut };
}
