// A finished trace's way out, part of the lazily loaded trace finish: through
// the app's redactTrace, to the sinks that take traces and the subscribers.
import type { RecorderEvent, RecorderOptions, Sink } from "../types.ts";
import type { Trace } from "./types.ts";

/** what the recorder lends a trace's way out */
export interface TraceOutlet {
  readonly options: RecorderOptions;
  /** counts what is dropped, by reason */
  drop(count: number, reason: string): void;
  /** each sink in turn; what one throws is counted, never passed on */
  toSinks(fn: (sink: Sink) => void): void;
  emit(event: RecorderEvent): void;
}

export function deliverTrace(trace: Trace, { options, drop, toSinks, emit }: TraceOutlet): void {
  let out: Trace | null = trace;
  try {
    if (options.redactTrace) out = options.redactTrace(trace);
    if (!out) drop(1, "trace_redacted");
  } catch {
    drop(1, "trace_redact_failed");
    out = null;
  }
  if (!out) return;
  toSinks((sink) => sink.writeTrace?.(out));
  emit({ type: "trace-end", trace: out });
}
