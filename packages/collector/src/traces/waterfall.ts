// Steps and calls on one time axis, in the order a waterfall draws them: each
// parent followed by its children, siblings in start order. A parent that is
// not stored (a step cut by the recorder's cap) puts its children at the root,
// so nothing that arrived is hidden.
import type { LLMCall, Step, Trace } from "@llmscope/core";
import type { WaterfallRow } from "./api-types.ts";

function callRow(c: LLMCall, origin: number): WaterfallRow {
  const row: WaterfallRow = {
    type: "call", id: c.id, depth: 0, name: `${c.operation} ${c.model ?? c.responseModel ?? ""}`.trim(), kind: "llm",
    startedAt: c.startedAt, offsetMs: c.startedAt - origin, costUSD: c.cost?.totalUSD ?? 0,
    inputTokens: c.usage.inputTokens ?? 0, outputTokens: c.usage.outputTokens ?? 0,
  };
  if (c.parentId) row.parentId = c.parentId;
  const duration = c.timing.durationMs ?? (c.endedAt !== undefined ? c.endedAt - c.startedAt : undefined);
  if (duration !== undefined) row.durationMs = duration;
  if (c.timing.ttfbMs !== undefined) row.ttfbMs = c.timing.ttfbMs;
  if (c.timing.ttftMs !== undefined) row.ttftMs = c.timing.ttftMs;
  const model = c.model ?? c.responseModel;
  if (model) row.model = model;
  if (c.error) {
    row.error = c.error.message;
    row.errorKind = c.error.kind;
  }
  return row;
}

function stepRow(s: Step, origin: number): WaterfallRow {
  const row: WaterfallRow = {
    type: "step", id: s.id, depth: 0, name: s.name, kind: s.kind, startedAt: s.startedAt,
    offsetMs: s.startedAt - origin, costUSD: 0, inputTokens: 0, outputTokens: 0,
  };
  if (s.parentId) row.parentId = s.parentId;
  if (s.durationMs !== undefined) row.durationMs = s.durationMs;
  if (s.error) {
    row.error = s.error.message;
    row.errorKind = s.error.kind;
  }
  return row;
}

const byStart = (a: WaterfallRow, b: WaterfallRow) => a.startedAt - b.startedAt || (a.type === b.type ? 0 : a.type === "step" ? -1 : 1);

/** the axis origin is the trace's start, or the earliest row without a trace */
export function waterfallRows(trace: Trace | undefined, steps: Step[], calls: LLMCall[]): WaterfallRow[] {
  const origin = trace?.startedAt ?? Math.min(...steps.map((s) => s.startedAt), ...calls.map((c) => c.startedAt));
  const rows = [...steps.map((s) => stepRow(s, origin)), ...calls.map((c) => callRow(c, origin))].sort(byStart);
  const stepIds = new Set(steps.map((s) => s.id));
  const children = new Map<string, WaterfallRow[]>();
  for (const r of rows) {
    const parent = r.parentId !== undefined && stepIds.has(r.parentId) && r.parentId !== r.id ? r.parentId : "";
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  const ordered: WaterfallRow[] = [];
  const visited = new Set<string>();
  // iterative depth-first walk: a deep or cyclic chain of parents cannot overflow the stack
  const walk = (rootId: string) => {
    const stack: [WaterfallRow, number][] = (children.get(rootId) ?? []).map((r) => [r, 0] as [WaterfallRow, number]).reverse();
    while (stack.length) {
      const [row, depth] = stack.pop()!;
      if (visited.has(`${row.type}:${row.id}`)) continue;
      visited.add(`${row.type}:${row.id}`);
      row.depth = depth;
      ordered.push(row);
      if (row.type === "step") for (const c of [...(children.get(row.id) ?? [])].reverse()) stack.push([c, depth + 1]);
    }
  };
  walk("");
  // rows caught in a cycle of parents are never reached from the root: put them at the root
  for (const r of rows) if (!visited.has(`${r.type}:${r.id}`)) (r.depth = 0), ordered.push(r), visited.add(`${r.type}:${r.id}`);
  rollUpFigures(ordered);
  return ordered;
}

/** a step's cost and tokens are those of the calls beneath it */
function rollUpFigures(ordered: WaterfallRow[]): void {
  const open: WaterfallRow[] = [];
  for (const r of ordered) {
    open.length = Math.min(open.length, r.depth);
    if (r.type === "call") {
      for (const s of open) {
        s.costUSD += r.costUSD;
        s.inputTokens += r.inputTokens;
        s.outputTokens += r.outputTokens;
      }
    } else open.push(r);
  }
}
