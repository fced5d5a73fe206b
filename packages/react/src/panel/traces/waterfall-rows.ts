import type { LLMCall, Step, StepKind, Trace } from "@llmscope/core";
import { modelLabel } from "../format.ts";
import { canonicalArguments, toolArguments } from "./tool-io.ts";

/** One bar of the waterfall: a step, or an LLM call (which is the trace's llm step). */
export interface WaterfallRow {
  id: string;
  kind: StepKind;
  name: string;
  depth: number;
  /** ms from the trace's start */
  offsetMs: number;
  /** absent while it runs */
  durationMs?: number;
  error?: string;
  step?: Step;
  call?: LLMCall;
  /** this is the nth identical tool call in the trace (n ≥ 2): an agent going round in a loop */
  repeat?: number;
}

type Node = { row: WaterfallRow; parentId?: string; startedAt: number };

/** Steps and calls nested under their parents, each level in start order, flattened depth first. */
export function waterfallRows(trace: Trace, calls: readonly LLMCall[]): WaterfallRow[] {
  const nodes: Node[] = [];
  const rowOf = (id: string, kind: StepKind, name: string, startedAt: number, durationMs: number | undefined) =>
    ({ id, kind, name, depth: 0, offsetMs: startedAt - trace.startedAt, durationMs }) satisfies WaterfallRow;
  for (const step of trace.steps) {
    const row: WaterfallRow = { ...rowOf(step.id, step.kind, step.name, step.startedAt, step.durationMs), step };
    if (step.error) row.error = step.error.message || step.error.kind;
    nodes.push({ row, parentId: step.parentId, startedAt: step.startedAt });
  }
  for (const call of calls) {
    const row: WaterfallRow = { ...rowOf(call.id, "llm", modelLabel(call), call.startedAt, call.timing?.durationMs), call };
    if (call.error) row.error = `${call.error.kind}: ${call.error.message}`;
    nodes.push({ row, parentId: call.parentId, startedAt: call.startedAt });
  }
  const known = new Set(nodes.map((n) => n.row.id));
  const children = new Map<string | undefined, Node[]>();
  for (const node of nodes) {
    // a parent cut by the step cap: its children hang from the root rather than vanish
    const parent = node.parentId !== undefined && known.has(node.parentId) ? node.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const out: WaterfallRow[] = [];
  const visit = (parent: string | undefined, depth: number, seen: Set<string>) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.startedAt - b.startedAt);
    for (const node of list) {
      if (seen.has(node.row.id)) continue; // a malformed parent cycle must not hang the panel
      seen.add(node.row.id);
      out.push({ ...node.row, depth });
      visit(node.row.id, depth + 1, seen);
    }
  };
  visit(undefined, 0, new Set());
  return flagRepeats(out);
}

/**
 * A tool run twice with the same arguments, or a model asking twice for the
 * same tool call, is how an agent loop looks from outside: mark the repeats.
 */
export function flagRepeats(rows: WaterfallRow[]): WaterfallRow[] {
  const seen = new Map<string, number>();
  const count = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const ordered = [...rows].sort((a, b) => a.offsetMs - b.offsetMs);
  for (const row of ordered) {
    let n = 0;
    if (row.step?.kind === "tool") n = count(`step\u0000${row.name}\u0000${canonicalArguments(toolArguments(row.step))}`);
    for (const tc of row.call?.completion?.toolCalls ?? []) n = Math.max(n, count(`ask\u0000${tc.name}\u0000${canonicalArguments(tc.arguments)}`));
    if (n >= 2) row.repeat = n;
  }
  return rows;
}
