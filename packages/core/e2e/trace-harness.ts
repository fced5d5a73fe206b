// Shared by the trace suites: a recorder with a memory sink, the one trace a
// run produced with its calls, and what every tool-loop trace must satisfy
// exactly (calls, tool steps, summary).
import { expect } from "vitest";
import type { LLMCall, RecorderOptions, Trace } from "@llmscope/core";
import { recording } from "./harness.ts";

export function tracing(options: RecorderOptions = {}) {
  const { sink, recorder } = recording(options);
  return {
    sink,
    recorder,
    /** the one trace delivered since the last take(), with its calls in start order */
    async take(): Promise<{ trace: Trace; calls: LLMCall[] }> {
      await recorder.flush();
      const traces = sink.traces();
      const all = sink.calls();
      sink.clear();
      expect(traces).toHaveLength(1);
      const trace = traces[0]!;
      const calls = trace.callIds!.map((id) => all.find((c) => c.id === id)!);
      // every call delivered since belongs to it, and no other
      expect(all.map((c) => c.traceId)).toEqual(all.map(() => trace.id));
      expect(calls.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
      return { trace, calls };
    },
  };
}

const sum = (calls: LLMCall[], f: (c: LLMCall) => number | undefined) => calls.reduce((n, c) => n + (f(c) ?? 0), 0);

/**
 * A loop of two calls with one tool run between them: the tool step carries
 * the call's id, arguments and the result and lasts until the answering call
 * began, and the summary adds up (the calls and the tool never overlap, so
 * each kind's time is a plain sum and the trace's own time is what is left).
 * Times agree to the hundredth of a millisecond: steps carry epoch-ms starts,
 * whose doubles keep about a quarter of a microsecond.
 *
 * A step the app timed lasts at least the tool's `minToolMs`. A derived step
 * begins when the recorder had the asking call's end, which can come after
 * the app had its copy and started the tool (the ai SDK runs a streamed tool
 * call before the stream ends), so what it must cover is the tool's end:
 * `toolEndedAt`, from a {@link ToolClock}.
 */
export function expectToolLoop(trace: Trace, calls: LLMCall[], expected: { tool: string; result: (r: string) => void } & ({ timedByApp: true; minToolMs: number } | { timedByApp?: false; toolEndedAt: number })): void {
  expect(calls).toHaveLength(2);
  const [asked, answered] = calls as [LLMCall, LLMCall];
  const toolCall = asked.completion.toolCalls![0]!;
  expect(toolCall.id).toBeTruthy();
  expect(answered.completion.text).not.toBe("");
  const tools = trace.steps.filter((s) => s.kind === "tool");
  expect(tools).toHaveLength(1);
  const [step] = tools as [(typeof tools)[0]];
  expect(step.name).toBe(expected.tool);
  expect(step.attributes!["gen_ai.tool.call.id"]).toBe(toolCall.id);
  if (expected.timedByApp) expect(step.durationMs).toBeGreaterThanOrEqual(expected.minToolMs);
  else {
    expect(step.attributes!["gen_ai.tool.name"]).toBe(expected.tool);
    expect(step.attributes!["gen_ai.tool.call.arguments"]).toBe(toolCall.arguments);
    expected.result(String(step.attributes!["gen_ai.tool.call.result"]));
    // to within the doubles' rounding of two epoch-ms figures
    expect(step.startedAt + step.durationMs!).toBeGreaterThanOrEqual(expected.toolEndedAt - 0.001);
    expect(step.durationMs).toBeGreaterThan(0);
  }
  const s = trace.summary!;
  expect(s.calls).toBe(2);
  expect(s.errors).toBe(0);
  expect(s.inputTokens).toBe(sum(calls, (c) => c.usage.inputTokens));
  expect(s.outputTokens).toBe(sum(calls, (c) => c.usage.outputTokens));
  expect(s.inputTokens).toBeGreaterThan(0);
  expect(s.costUSD).toBeCloseTo(sum(calls, (c) => c.cost?.totalUSD), 12);
  expect(s.llmMs).toBeCloseTo(sum(calls, (c) => c.timing.durationMs), 2);
  expect(s.toolMs).toBeCloseTo(step.durationMs!, 2);
  expect([s.retrievalMs, s.httpMs, s.preprocessMs]).toEqual([0, 0, 0]);
  expect(s.selfMs).toBeCloseTo(trace.durationMs! - s.llmMs - s.toolMs, 2);
  expect(s.firstTokenMs).toBeGreaterThanOrEqual(asked.timing.ttftMs!);
  expect(s.firstTokenMs).toBeLessThan(trace.durationMs!);
}

/**
 * Waits at least `ms` by performance.now(): Node's timers count whole
 * milliseconds of a loop clock read before the timer was set, so a bare
 * setTimeout(40) can end 39.99 ms later by the clock steps are timed with.
 */
export async function sleep(ms: number): Promise<void> {
  const end = performance.now() + ms;
  for (let left = ms; left > 0; left = end - performance.now()) await new Promise((r) => setTimeout(r, Math.ceil(left)));
}

/**
 * When the app's tool ended, on the trace's clock. `start()` is called first
 * thing inside the trace's fn, so after the trace took its own start: the
 * figure is never later than the true end on the trace's clock.
 */
export class ToolClock {
  #t0 = 0;
  #end = 0;
  start(): void {
    this.#t0 = performance.now();
  }
  toolEnded(): void {
    this.#end = performance.now();
  }
  endedAt(trace: Trace): number {
    return trace.startedAt + (this.#end - this.#t0);
  }
}
