// A conversation from its stored traces and calls: one turn per trace, and one
// per call made outside any trace (or inside a trace that never arrived), in
// start order, with the session's totals.
import type { LLMCall } from "@llmscope/core";
import type { SessionDetail, SessionListItem, SessionTurn, TraceListItem } from "./api-types.ts";

const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function lastUserMessage(call: LLMCall): string | undefined {
  const users = call.prompt.messages.filter((m) => m.role === "user");
  return users[users.length - 1]?.content;
}

const endOf = (c: LLMCall) => c.endedAt ?? c.startedAt + (c.timing.durationMs ?? 0);

function callTurn(calls: LLMCall[], name: string, traceId?: string): SessionTurn {
  const startedAt = Math.min(...calls.map((c) => c.startedAt));
  const turn: SessionTurn = {
    name, startedAt, durationMs: Math.max(...calls.map(endOf)) - startedAt, callIds: calls.map((c) => c.id),
    costUSD: calls.reduce((s, c) => s + (c.cost?.totalUSD ?? 0), 0),
    inputTokens: calls.reduce((s, c) => s + (c.usage.inputTokens ?? 0), 0),
    outputTokens: calls.reduce((s, c) => s + (c.usage.outputTokens ?? 0), 0),
    errors: calls.filter((c) => c.error).length,
  };
  if (traceId) turn.traceId = traceId;
  const question = cut(calls[0] && lastUserMessage(calls[0]), 2000);
  if (question !== undefined) turn.userMessage = question;
  const answer = cut(calls[calls.length - 1]?.completion.text, 2000);
  if (answer) turn.answer = answer;
  return turn;
}

function traceTurn(t: TraceListItem, calls: LLMCall[]): SessionTurn {
  const turn = calls.length ? callTurn(calls, t.name, t.id) : { name: t.name, traceId: t.id, startedAt: t.startedAt, durationMs: 0, callIds: [], costUSD: 0, inputTokens: 0, outputTokens: 0, errors: 0 };
  // the trace's own figures are the recorder's whole-request summary
  return { ...turn, name: t.name, startedAt: t.startedAt, durationMs: t.durationMs ?? turn.durationMs, costUSD: t.costUSD || turn.costUSD,
    inputTokens: t.inputTokens || turn.inputTokens, outputTokens: t.outputTokens || turn.outputTokens, errors: Math.max(t.errors, turn.errors) };
}

export function sessionDetail(id: string, traces: TraceListItem[], calls: LLMCall[]): SessionDetail | undefined {
  if (!traces.length && !calls.length) return undefined;
  const traceIds = new Set(traces.map((t) => t.id));
  const byTrace = new Map<string, LLMCall[]>();
  const turns: SessionTurn[] = [];
  for (const c of calls) {
    if (c.traceId && traceIds.has(c.traceId)) {
      const list = byTrace.get(c.traceId);
      if (list) list.push(c);
      else byTrace.set(c.traceId, [c]);
    } else turns.push(callTurn([c], `${c.operation} ${c.model ?? ""}`.trim()));
  }
  for (const t of traces) turns.push(traceTurn(t, byTrace.get(t.id) ?? []));
  turns.sort((a, b) => a.startedAt - b.startedAt);
  const startedAt = Math.min(...turns.map((t) => t.startedAt));
  const endedAt = Math.max(...turns.map((t) => t.startedAt + t.durationMs));
  const session: SessionListItem = {
    id, startedAt, endedAt, durationMs: endedAt - startedAt, traces: traces.length, calls: calls.length,
    inputTokens: turns.reduce((s, t) => s + t.inputTokens, 0), outputTokens: turns.reduce((s, t) => s + t.outputTokens, 0),
    costUSD: Math.round(turns.reduce((s, t) => s + t.costUSD, 0) * 1e9) / 1e9, errors: turns.reduce((s, t) => s + t.errors, 0),
  };
  const first = calls[0] ?? undefined;
  const userId = traces[0]?.userId ?? first?.tags.userId;
  const feature = traces[0]?.feature ?? first?.tags.feature;
  if (userId) session.userId = userId;
  if (feature) session.feature = feature;
  const message = cut(first && lastUserMessage(first), 200);
  if (message !== undefined) session.firstMessage = message;
  return { session, turns, traces, calls };
}
