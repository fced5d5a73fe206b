// recorder.trace, recorder.step and recorder.startTrace: a trace rides in the
// same scope as withTags' tags (one AsyncLocalStorage store, or the pending
// scopes in browsers), so every call and step begun inside finds it and the
// step it runs under. Nothing here may throw into the app: a failure inside
// is counted and fn runs as it would have.
import { spanId, traceId } from "../trace/ids.ts";
import { OpenTrace, type LiveStep } from "../trace/open-trace.ts";
import { stepError } from "../trace/step-error.ts";
import { formatTraceparent, parseTraceparent } from "../trace/traceparent.ts";
import type { StepHandle, StepOptions, Trace, TraceHandle, TraceOptions } from "../trace/types.ts";
import type { Recorder } from "../types.ts";
import { onSettled } from "./on-settled.ts";
import type { RecorderCore } from "./recorder-core.ts";

type Tracing = Pick<Recorder, "trace" | "step" | "startTrace">;

const NO_STEP: StepHandle = { id: "", setAttributes() {}, end() {} };

export function createTracing(core: RecorderCore): Tracing {
  const { tags: scope, stats } = core;

  /** fn timed as a step of trace, nested under parentId */
  const runStep = <T>(trace: OpenTrace, parentId: string | undefined, name: string, fn: () => T, options?: StepOptions): T => {
    let live: LiveStep;
    try {
      live = trace.startStep(name, options?.kind ?? "custom", parentId, options?.attributes);
    } catch {
      core.fault();
      return fn();
    }
    const id = live.step.id;
    // inside this trace's scope only the step changes; from outside (a handle's step) the trace and its tags come in too
    const change = scope.state()?.trace === trace ? { step: id } : { trace, tags: trace.record.tags, step: id };
    return scope.enter(change, () => onSettled(fn, (failed, error) => live.end(failed ? stepError(error) : undefined)));
  };

  /** a handle on an open trace (or on nothing, when the trace could not be recorded) */
  const handleOf = (trace: OpenTrace): TraceHandle => {
    const { record } = trace;
    /** the innermost step of this trace in the current scope */
    const current = () => {
      const state = scope.state();
      return state?.trace === trace ? state.step : undefined;
    };
    return {
      id: record.id,
      run: (fn) => (scope.state()?.trace === trace ? fn() : scope.enter({ trace, tags: record.tags }, fn)),
      step: (name, fn, options) => runStep(trace, current(), name, fn, options),
      startStep(name, options) {
        try {
          const live = trace.startStep(name, options?.kind ?? "custom", current(), options?.attributes);
          return { id: live.step.id, setAttributes: live.setAttributes, end: (error) => live.end(error === undefined ? undefined : stepError(error)) };
        } catch {
          core.fault();
          return NO_STEP;
        }
      },
      traceparent: () => formatTraceparent(record.id, current() ?? trace.open.at(-1)?.step.id ?? trace.spanId),
      end: (error) => trace.end(error === undefined ? undefined : stepError(error)),
    };
  };

  /** what startTrace returns when the trace is not recorded: fn runs, nothing is kept */
  const unrecorded = (id: string): TraceHandle => ({
    id,
    run: (fn) => fn(),
    step: (_name, fn) => fn(),
    startStep: () => NO_STEP,
    traceparent: () => formatTraceparent(id, spanId()),
    end() {},
  });

  const startTrace = (name: string, options?: TraceOptions): TraceHandle => {
    const parent = parseTraceparent(options?.traceparent);
    const id = parent?.traceId ?? traceId();
    try {
      if (stats.openTraces >= core.maxOpenTraces) {
        stats.tracesDropped++;
        return unrecorded(id);
      }
      const record: Trace = { id, name, sessionId: core.sessionId, tags: { ...core.options.tags, ...scope.current(), ...options?.tags }, startedAt: Date.now(), steps: [] };
      if (parent) record.parentSpanId = parent.spanId;
      return handleOf(new OpenTrace(core, record));
    } catch {
      core.fault();
      return unrecorded(id);
    }
  };

  return {
    startTrace,
    trace(name, fn, options) {
      const handle = startTrace(name, options);
      return handle.run(() => onSettled(fn, (failed, error) => handle.end(failed ? (error ?? "undefined") : undefined)));
    },
    step(name, fn, options) {
      const state = scope.state();
      const trace = state?.trace;
      return trace && !trace.closed ? runStep(trace, state.step, name, fn, options) : fn();
    },
  };
}
