// One trace while it is open: its record, its steps as they begin and end,
// the LLM calls that joined it, and the end, which hands it on once those
// calls have settled (or a bounded wait ran out). Owned by a TraceHost (the
// recorder), which summarizes and delivers it off the app's path.
import type { LLMCall, RecorderEvent, RecorderStats } from "../types.ts";
import { spanId } from "./ids.ts";
import { addAttributes } from "./step-attributes.ts";
import type { Step, StepAttributes, StepError, StepKind, Trace } from "./types.ts";

export interface TraceHost {
  readonly sessionId: string;
  readonly stats: RecorderStats;
  readonly listeners: { readonly size: number };
  readonly maxStepsPerTrace: number;
  readonly traceTimeoutMs: number;
  /** traces begun and not yet handed on to close() */
  activeTraces: number;
  emit(event: RecorderEvent): void;
  /** work flush() waits for */
  track(work: Promise<unknown>): void;
  /** the trace is over and its calls settled (or the wait for them ran out): summarize and deliver */
  close(trace: OpenTrace): void;
}

export interface TracedCall {
  call: LLMCall;
  /** performance.now() when it began */
  start: number;
  /** what reached the sinks (redact applied), null when redact dropped it; undefined while not settled */
  delivered?: LLMCall | null;
}

export interface LiveStep {
  readonly step: Step;
  /** performance.now() when it began */
  readonly start: number;
  setAttributes(attributes: StepAttributes): void;
  /** the first end wins */
  end(error?: StepError, at?: number): void;
}

/** how long an ended trace waits for calls still in flight before it is summarized without them */
export const CALLS_WAIT_MS = 30_000;

const now = () => performance.now();

export function snapshotTrace(trace: Trace): Trace {
  return { ...trace, steps: trace.steps.slice() };
}

export class OpenTrace {
  readonly spanId = spanId();
  readonly t0 = now();
  readonly calls: TracedCall[] = [];
  /** steps begun and not yet ended, in the order they began */
  readonly open: LiveStep[] = [];
  ended = false;
  closed = false;
  #unsettled = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #release: (() => void) | undefined;

  readonly #host: TraceHost;
  readonly record: Trace;

  constructor(host: TraceHost, record: Trace) {
    this.#host = host;
    this.record = record;
    record.spanId = this.spanId;
    host.stats.traces++;
    host.stats.openTraces++;
    host.activeTraces++;
    this.#timer = unrefTimer(() => this.end(undefined, true), host.traceTimeoutMs);
    this.#update("trace-start");
  }

  /** epoch ms of a performance.now() reading */
  epoch(at: number): number {
    return this.record.startedAt + (at - this.t0);
  }

  startStep(name: string, kind: StepKind, parentId: string | undefined, attributes?: StepAttributes): LiveStep {
    const { record } = this;
    const host = this.#host;
    const start = now();
    const step: Step = { id: spanId(), traceId: record.id, name, kind, startedAt: this.epoch(start) };
    if (parentId) step.parentId = parentId;
    const kept = !this.ended && record.steps.length < host.maxStepsPerTrace;
    if (kept) record.steps.push(step);
    else {
      record.droppedSteps = (record.droppedSteps ?? 0) + 1;
      host.stats.stepsDropped++;
    }
    const setAttributes = (given: StepAttributes) => {
      host.stats.attributesCut += addAttributes((step.attributes ??= {}), given);
    };
    if (attributes) setAttributes(attributes);
    const live: LiveStep = {
      step,
      start,
      setAttributes,
      end: (error, at = now()) => {
        if (step.durationMs !== undefined) return;
        step.durationMs = at - start;
        if (error) step.error = error;
        const i = this.open.indexOf(live);
        if (i >= 0) this.open.splice(i, 1);
        if (kept) this.#update("trace-update");
      },
    };
    if (kept) {
      this.open.push(live);
      // a long step is shown while it runs, not only once it ends
      this.#update("trace-update");
    }
    return live;
  }

  /**
   * The call belongs to this trace; true when the trace keeps it for its
   * summary, and it then settles when the recorder delivers (or drops) it.
   * Past maxStepsPerTrace calls a call still carries the trace's id but is
   * counted as a dropped step, so a trace left open for long stays bounded.
   */
  joinCall(call: LLMCall, start: number, parentId: string | undefined): boolean {
    if (this.closed) return false;
    call.traceId = this.record.id;
    if (parentId) call.parentId = parentId;
    if (this.calls.length >= this.#host.maxStepsPerTrace) {
      this.record.droppedSteps = (this.record.droppedSteps ?? 0) + 1;
      this.#host.stats.stepsDropped++;
      return false;
    }
    this.calls.push({ call, start });
    this.#unsettled++;
    return true;
  }

  settleCall(call: LLMCall, delivered: LLMCall | null): void {
    const traced = this.calls.find((c) => c.call === call);
    if (!traced || traced.delivered !== undefined) return;
    traced.delivered = delivered;
    this.#settled();
  }

  /** the body showed it was no LLM call after all */
  dropCall(call: LLMCall): void {
    const i = this.calls.findIndex((c) => c.call === call && c.delivered === undefined);
    if (i < 0) return;
    this.calls.splice(i, 1);
    this.#settled();
  }

  #settled(): void {
    this.#unsettled--;
    this.#update("trace-update");
    if (this.ended && !this.#unsettled) this.#close();
  }

  end(error?: StepError, abandoned = false): void {
    if (this.ended) return;
    this.ended = true;
    const { record } = this;
    const host = this.#host;
    clearTimeout(this.#timer);
    record.durationMs = now() - this.t0;
    if (error) record.error = error;
    if (abandoned) {
      record.abandoned = true;
      host.stats.tracesAbandoned++;
    }
    host.stats.openTraces--;
    if (!this.#unsettled) return this.#close();
    // calls still in flight: wait for them, bounded, and let flush() wait too
    this.#timer = unrefTimer(() => this.#close(), CALLS_WAIT_MS);
    host.track(new Promise<void>((resolve) => (this.#release = resolve)));
  }

  #close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#host.activeTraces--;
    clearTimeout(this.#timer);
    this.#release?.();
    this.#host.close(this);
  }

  #update(type: "trace-start" | "trace-update"): void {
    if (this.#host.listeners.size) this.#host.emit({ type, trace: snapshotTrace(this.record) });
  }
}

/** a timer that never keeps a Node process alive on its own */
function unrefTimer(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(fn, ms);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
