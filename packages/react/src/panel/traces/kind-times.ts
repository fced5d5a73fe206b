import type { LLMCall, Step, Trace } from "@llmscope/core";

/** The kinds a trace's time is split into; "self" is the app's own code, covered by no step or call. */
export const barKinds = ["llm", "retrieval", "tool", "preprocess", "http", "self"] as const;
export type BarKind = (typeof barKinds)[number];
export type KindTimes = Record<BarKind, number>;

export const kindLabels: Record<BarKind, string> = {
  llm: "LLM",
  retrieval: "retrieval",
  tool: "tool",
  preprocess: "preprocess",
  http: "http",
  self: "app's own",
};

type Interval = readonly [number, number];

/** Length of the union of intervals: overlapping work counts once, as the trace summary counts it. */
export function unionMs(intervals: Interval[]): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const [a, b] of sorted) {
    if (a > to) {
      if (to > from) total += to - from;
      [from, to] = [a, b];
    } else if (b > to) to = b;
  }
  if (to > from) total += to - from;
  return total;
}

const interval = (startedAt: number, durationMs: number | undefined, now: number): Interval => [
  startedAt,
  startedAt + (durationMs ?? Math.max(0, now - startedAt)),
];

/**
 * Time by kind. A finished trace carries the recorder's summary and that is
 * the answer; a running one is worked out from what has happened so far.
 */
export function kindTimes(trace: Trace, calls: readonly LLMCall[], now: number): KindTimes {
  const s = trace.summary;
  if (s) return { llm: s.llmMs, retrieval: s.retrievalMs, tool: s.toolMs, preprocess: s.preprocessMs, http: s.httpMs, self: s.selfMs };
  const byKind = new Map<BarKind, Interval[]>(barKinds.map((k) => [k, []]));
  const all: Interval[] = [];
  const add = (kind: Step["kind"], span: Interval) => {
    byKind.get(kind as BarKind)?.push(span);
    all.push(span);
  };
  for (const step of trace.steps) add(step.kind, interval(step.startedAt, step.durationMs, now));
  for (const call of calls) add("llm", interval(call.startedAt, call.timing?.durationMs, now));
  const times = Object.fromEntries(barKinds.map((k) => [k, unionMs(byKind.get(k)!)])) as KindTimes;
  const whole = interval(trace.startedAt, trace.durationMs, now);
  times.self = Math.max(0, whole[1] - whole[0] - unionMs(all.map(([a, b]) => [Math.max(a, whole[0]), Math.min(b, whole[1])] as const)));
  return times;
}
