// An agent loop: one request (trace) making far more LLM calls than any
// request should, or calling the same tool with the same arguments over and
// over. Read from the trace itself when it arrives; the alert's subject is the
// trace id, so the alert links straight to the trace's waterfall.
import type { Step, Trace } from "@llmscope/core";
import { MAX_EVIDENCE, n, type AlertDraft, type AlertRule } from "../alert-rule.ts";

/** tool call ids differ on every call; the rest of a tool step's attributes are its arguments */
const ID_ATTRIBUTE = /(^|[._])(id|call_?id|tool_?call_?id)$/i;

function toolCallKey(step: Step): string {
  const args = Object.entries(step.attributes ?? {}).filter(([k]) => !ID_ATTRIBUTE.test(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${step.name}\u0000${JSON.stringify(args)}`;
}

/** the tool called most often with identical arguments, and how often */
export function mostRepeatedToolCall(trace: Trace): { name: string; times: number } | undefined {
  const counts = new Map<string, { name: string; times: number }>();
  for (const s of trace.steps) {
    if (s.kind !== "tool") continue;
    const key = toolCallKey(s);
    const c = counts.get(key);
    if (c) c.times++;
    else counts.set(key, { name: s.name, times: 1 });
  }
  let top: { name: string; times: number } | undefined;
  for (const c of counts.values()) if (!top || c.times > top.times) top = c;
  return top;
}

export const agentLoopRule: AlertRule = {
  kind: "agent_loop",
  async evaluate({ traces, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const trace of traces) {
      const calls = trace.summary?.calls ?? trace.callIds?.length ?? 0;
      const repeated = mostRepeatedToolCall(trace);
      const tooManyCalls = calls > t.agentLoopCalls;
      const tooManyRepeats = repeated !== undefined && repeated.times > t.agentLoopRepeats;
      if (!tooManyCalls && !tooManyRepeats) continue;
      const why = [
        ...(tooManyCalls ? [`${n(calls)} LLM calls (limit ${n(t.agentLoopCalls)})`] : []),
        ...(tooManyRepeats ? [`${repeated.name} called ${n(repeated.times)} times with the same arguments (limit ${n(t.agentLoopRepeats)})`] : []),
      ];
      const user = trace.tags.userId ? ` for user ${trace.tags.userId}` : "";
      drafts.push({
        kind: "agent_loop",
        subject: trace.id,
        value: tooManyCalls ? calls : repeated!.times,
        baseline: 0,
        threshold: tooManyCalls ? t.agentLoopCalls : t.agentLoopRepeats,
        message: `agent loop in request "${trace.name}"${user} (trace ${trace.id}): ${why.join("; ")}`,
        evidence: (trace.callIds ?? []).slice(0, MAX_EVIDENCE),
        firedAt: trace.startedAt + (trace.durationMs ?? 0),
        dedupKey: `agent_loop:${trace.id}`,
      });
    }
    return drafts;
  },
};
