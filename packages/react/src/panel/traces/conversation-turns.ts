import type { LLMCall, Trace } from "@llmscope/core";
import { traceFigures } from "./trace-figures.ts";

/** One exchange of the conversation: what the user asked and what came back, with what it cost. */
export interface Turn {
  key: string;
  sessionId: string;
  startedAt: number;
  question: string;
  answer: string;
  durationMs: number;
  costUSD: number;
  calls: number;
  errors: number;
  live: boolean;
  traceId?: string;
  /** the call that gave the answer */
  answerCallId?: string;
}

const lastUserText = (call: LLMCall | undefined) => {
  const messages = call?.prompt?.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === "user") return messages[i]!.content;
  return call?.prompt?.text ?? "";
};

/**
 * A request (trace) is one turn: its first call carries the question, its last
 * call with text the answer. A call made outside any trace is a turn of its own.
 */
export function conversationTurns(
  traces: Iterable<Trace>,
  callsOf: (traceId: string) => readonly LLMCall[],
  calls: Iterable<LLMCall>,
  now: number,
): Turn[] {
  const turns: Turn[] = [];
  const traced = new Set<string>();
  for (const trace of traces) {
    traced.add(trace.id);
    const list = callsOf(trace.id);
    const answered = [...list].reverse().find((c) => c.completion?.text) ?? list[list.length - 1];
    const f = traceFigures(trace, list, now);
    turns.push({
      key: trace.id, sessionId: trace.sessionId, startedAt: trace.startedAt, question: lastUserText(list[0]) || trace.name,
      answer: answered?.completion?.text ?? "", durationMs: f.durationMs, costUSD: f.costUSD, calls: f.calls, errors: f.errors,
      live: f.live, traceId: trace.id, answerCallId: answered?.id,
    });
  }
  for (const call of calls) {
    if (call.traceId && traced.has(call.traceId)) continue;
    turns.push({
      key: call.id, sessionId: call.sessionId, startedAt: call.startedAt, question: lastUserText(call), answer: call.completion?.text ?? "",
      durationMs: call.timing?.durationMs ?? Math.max(0, now - call.startedAt), costUSD: call.cost?.totalUSD ?? 0, calls: 1,
      errors: call.error ? 1 : 0, live: call.phase !== "done", answerCallId: call.id,
    });
  }
  return turns.sort((a, b) => a.startedAt - b.startedAt);
}
