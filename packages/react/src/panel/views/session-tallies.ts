import { summarize, tokensPerSecond, type ErrorKind, type LLMCall, type Summary } from "@llmscope/core";

export interface Tallies {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  errorsByKind: [ErrorKind, number][];
  latency: Summary;
  ttft: Summary;
  tokensPerSecond: Summary;
}

const defined = (values: (number | undefined)[]) => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

export function computeTallies(calls: readonly LLMCall[]): Tallies {
  const byKind = new Map<ErrorKind, number>();
  let inputTokens = 0;
  let outputTokens = 0;
  let costUSD = 0;
  for (const call of calls) {
    inputTokens += call.usage?.inputTokens ?? 0;
    outputTokens += call.usage?.outputTokens ?? 0;
    costUSD += call.cost?.totalUSD ?? 0;
    if (call.error) byKind.set(call.error.kind, (byKind.get(call.error.kind) ?? 0) + 1);
  }
  // failed calls would drag latency toward how fast errors come back, not how the model answers
  const answered = calls.filter((c) => !c.error);
  return {
    calls: calls.length,
    inputTokens,
    outputTokens,
    costUSD,
    errors: [...byKind.values()].reduce((a, b) => a + b, 0),
    errorsByKind: [...byKind.entries()].sort((a, b) => b[1] - a[1]),
    latency: summarize(defined(answered.map((c) => c.timing?.durationMs))),
    ttft: summarize(defined(answered.map((c) => c.timing?.ttftMs))),
    tokensPerSecond: summarize(defined(answered.map((c) => tokensPerSecond(c)))),
  };
}

export function groupByModel(calls: readonly LLMCall[]): Map<string, LLMCall[]> {
  const groups = new Map<string, LLMCall[]>();
  for (const call of calls) {
    const key = call.responseModel ?? call.model ?? "unknown model";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(call);
  }
  return groups;
}
