// A trace's steps and LLM calls as waterfall rows on one time axis: nested by
// parentId, siblings in start order, each row's cost and tokens those of the
// calls under it. Pure, so the drawing code only maps ms to percentages.
import type { LLMCall, Step, StepKind, Trace } from "@llmscope/core";
import { timingPhases } from "@llmscope/react/views";

export type Phase = ReturnType<typeof timingPhases>[number];

export interface WaterfallRow {
  id: string;
  name: string;
  kind: StepKind;
  /** nesting level: 0 under the trace root */
  depth: number;
  /** ms from the trace's start */
  start: number;
  /** ms from the trace's start; equals start while the step has no duration */
  end: number;
  /** the LLM call this row draws, else a step */
  callId?: string;
  /** an LLM call's wait, time to first token and streaming, ms from the trace's start */
  phases: Phase[];
  /** the row's own call, or every call nested under the step */
  costUSD: number;
  tokens: number;
  calls: number;
  error?: string;
}

export interface WaterfallLayout {
  rows: WaterfallRow[];
  /** the axis' length in ms: the trace's duration, or longer when a row ends after it */
  spanMs: number;
}

type Node = { kind: "step"; step: Step } | { kind: "call"; call: LLMCall };

const startOf = (n: Node) => (n.kind === "step" ? n.step.startedAt : n.call.startedAt);
const idOf = (n: Node) => (n.kind === "step" ? n.step.id : n.call.id);
const parentOf = (n: Node) => (n.kind === "step" ? n.step.parentId : n.call.parentId);

export function waterfallLayout(trace: Pick<Trace, "startedAt" | "durationMs">, steps: readonly Step[], calls: readonly LLMCall[]): WaterfallLayout {
  const nodes: Node[] = [...steps.map((step) => ({ kind: "step", step }) as const), ...calls.map((call) => ({ kind: "call", call }) as const)];
  const stepIds = new Set(steps.map((s) => s.id));
  const children = new Map<string | undefined, Node[]>();
  for (const node of nodes) {
    // a parent that never arrived (cut by the step cap) puts the row under the root
    const parent = parentOf(node);
    const key = parent !== undefined && stepIds.has(parent) && parent !== idOf(node) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  for (const list of children.values()) list.sort((a, b) => startOf(a) - startOf(b) || (a.kind === b.kind ? 0 : a.kind === "step" ? -1 : 1));

  const rows: WaterfallRow[] = [];
  const placed = new Set<string>();
  const place = (node: Node, depth: number): WaterfallRow => {
    placed.add(idOf(node));
    const row = rowOf(node, depth, trace.startedAt);
    rows.push(row);
    for (const child of children.get(idOf(node)) ?? []) {
      if (placed.has(idOf(child))) continue;
      const sub = place(child, depth + 1);
      row.costUSD += sub.costUSD;
      row.tokens += sub.tokens;
      row.calls += sub.calls;
    }
    return row;
  };
  for (const node of children.get(undefined) ?? []) place(node, 0);
  // steps whose parents form a cycle are reachable from no root: shown at the top level, not lost
  for (const node of nodes) if (!placed.has(idOf(node))) place(node, 0);

  const lastEnd = rows.reduce((max, r) => Math.max(max, r.end), 0);
  return { rows, spanMs: Math.max(trace.durationMs ?? 0, lastEnd) };
}

function rowOf(node: Node, depth: number, origin: number): WaterfallRow {
  if (node.kind === "step") {
    const { step } = node;
    const start = step.startedAt - origin;
    return { id: step.id, name: step.name, kind: step.kind, depth, start, end: start + (step.durationMs ?? 0), phases: [], costUSD: 0, tokens: 0, calls: 0, ...(step.error ? { error: step.error.message } : {}) };
  }
  const { call } = node;
  const start = call.startedAt - origin;
  const duration = call.timing?.durationMs ?? (call.endedAt !== undefined ? call.endedAt - call.startedAt : 0);
  return {
    id: call.id,
    name: call.responseModel ?? call.model ?? "LLM call",
    kind: "llm",
    depth,
    start,
    end: start + duration,
    callId: call.id,
    // a phase of no length (a call that did not stream has no first-token wait) draws nothing
    phases: timingPhases({ ...call.timing, durationMs: duration }).filter((p) => p.to > p.from).map((p) => ({ ...p, from: start + p.from, to: start + p.to })),
    costUSD: call.cost?.totalUSD ?? 0,
    tokens: call.usage?.totalTokens ?? (call.usage?.inputTokens ?? 0) + (call.usage?.outputTokens ?? 0),
    calls: 1,
    ...(call.error ? { error: call.error.message } : {}),
  };
}
