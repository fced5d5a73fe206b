import type { StepKind } from "@llmscope/core";
import { formatCount, formatMs, formatUSD } from "../format.ts";
import { timingPhases } from "../detail/timing-waterfall.tsx";
import { toolArguments, toolIoKeys, toolResult } from "./tool-io.ts";
import type { WaterfallRow } from "./waterfall-rows.ts";

export const kindTags: Record<StepKind, string> = {
  llm: "LLM",
  retrieval: "RET",
  tool: "TOOL",
  preprocess: "PRE",
  http: "HTTP",
  agent: "AGENT",
  custom: "APP",
};

/** The figures of one row, label first: what hovering shows and what a screen reader hears. */
export function rowFigures(row: WaterfallRow): [string, string][] {
  const out: [string, string][] = [
    ["starts at", `+${formatMs(row.offsetMs)}`],
    ["took", row.durationMs === undefined ? "running" : formatMs(row.durationMs)],
  ];
  const call = row.call;
  if (call) {
    for (const phase of timingPhases(call.timing ?? {})) out.push([phase.label, formatMs(phase.to - phase.from)]);
    out.push(["tokens in → out", `${formatCount(call.usage?.inputTokens)} → ${formatCount(call.usage?.outputTokens)}`]);
    out.push(["cost", formatUSD(call.cost?.totalUSD)]);
    for (const tc of call.completion?.toolCalls ?? []) out.push(["asks for tool", `${tc.name}(${tc.arguments})`]);
  }
  if (row.step) {
    const args = toolArguments(row.step);
    const result = toolResult(row.step);
    if (args !== undefined) out.push(["arguments", args]);
    if (result !== undefined) out.push(["result", result]);
    for (const [k, v] of Object.entries(row.step.attributes ?? {})) {
      if (!out.some(([label]) => label === k) && !toolIoKeys.includes(k)) out.push([k, String(v)]);
    }
  }
  if (row.repeat) out.push(["repeated", `the same tool call for the ${ordinal(row.repeat)} time`]);
  if (row.error) out.push(["error", row.error]);
  return out;
}

export function rowSentence(row: WaterfallRow): string {
  return [`${kindTags[row.kind]} ${row.name}`, ...rowFigures(row).map(([k, v]) => `${k} ${v}`)].join(", ");
}

const ordinal = (n: number) => (n === 2 ? "second" : n === 3 ? "third" : `${n}th`);
