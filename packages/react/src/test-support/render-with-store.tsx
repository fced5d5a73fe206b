import type { ReactElement } from "react";
import { render, type RenderResult } from "@testing-library/react";
import { createRecorder, memorySink, type LLMCall, type Recorder, type Trace } from "@llmscope/core";
import { createCallStore, upsertCalls, type CallStore } from "../store/call-store.ts";
import { DevtoolsContext } from "../store/use-call-store.ts";
import { createTraceStore, upsertTraces, type TraceStore } from "../store/trace-store.ts";

/** Render a view against a store holding the given calls, with a real (not installed) recorder. */
export function renderWithStore(
  ui: ReactElement,
  calls: LLMCall[],
  recorder: Recorder = createRecorder({ sinks: [memorySink()] }),
  traceList: Trace[] = [],
): RenderResult & { store: CallStore; traces: TraceStore; recorder: Recorder } {
  const store: CallStore = createCallStore();
  upsertCalls(store, calls, 10_000);
  const traces = createTraceStore();
  upsertTraces(traces, traceList, 10_000);
  const result = render(<DevtoolsContext.Provider value={{ store, traces, recorder, maxCalls: 10_000 }}>{ui}</DevtoolsContext.Provider>);
  return { ...result, store, traces, recorder };
}
