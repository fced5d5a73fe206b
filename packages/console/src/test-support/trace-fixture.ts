// Waterfall rows as the collector answers them, for the console's unit tests:
// an agent-like request (retrieval, two LLM calls around a tool), times from T0.
import type { WaterfallRow } from "../api/types.ts";

export const T0 = 1_780_000_000_000;

export function stepRow(id: string, kind: WaterfallRow["kind"], at: number, durationMs: number | undefined, depth = 1): WaterfallRow {
  return { type: "step", id, name: id, kind, depth, startedAt: T0 + at, offsetMs: at, ...(durationMs !== undefined ? { durationMs } : {}), costUSD: 0, inputTokens: 0, outputTokens: 0, ...(depth ? { parentId: "agent" } : {}) };
}

export function callRow(id: string, at: number, timing: { durationMs?: number; ttfbMs?: number; ttftMs?: number }, depth = 1): WaterfallRow {
  return { type: "call", id, name: "chat gpt-4o-mini", kind: "llm", depth, startedAt: T0 + at, offsetMs: at, ...timing, model: "gpt-4o-mini", costUSD: 0.003, inputTokens: 100, outputTokens: 20 };
}

/** agent 0–1000 ⊃ retrieval 50–250, LLM 300–600 (first token at 400), tool 620–700, LLM 720–950 */
export function agentRows(): WaterfallRow[] {
  return [
    { ...stepRow("agent", "agent", 0, 1000, 0), costUSD: 0.006, inputTokens: 200, outputTokens: 40 },
    stepRow("search", "retrieval", 50, 200),
    callRow("c1", 300, { durationMs: 300, ttfbMs: 60, ttftMs: 100 }),
    stepRow("get_weather", "tool", 620, 80),
    callRow("c2", 720, { durationMs: 230, ttfbMs: 50, ttftMs: 90 }),
  ];
}
