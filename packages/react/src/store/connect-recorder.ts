import type { LLMCall, Recorder, RecorderEvent, Trace } from "@llmscope/core";
import { createFrameBatcher } from "./frame-batcher.ts";
import { upsertCalls, type CallStore } from "./call-store.ts";
import { upsertTraces, type TraceStore } from "./trace-store.ts";

export interface RecorderConnection {
  /** apply pending events now instead of on the next frame */
  flush(): void;
  disconnect(): void;
}

/** Feed the stores from the recorder's events, coalesced to one update per frame. */
export function connectRecorder(store: CallStore, recorder: Recorder, maxCalls: number, traces?: TraceStore): RecorderConnection {
  const batcher = createFrameBatcher<LLMCall>((calls) => upsertCalls(store, calls, maxCalls));
  // a trace holds several calls: keeping as many traces as calls never cuts one a kept call belongs to
  const traceBatcher = createFrameBatcher<Trace>((items) => traces && upsertTraces(traces, items, maxCalls));
  store.setState({ paused: readPaused(recorder) });
  let unsubscribe: () => void = () => {};
  try {
    unsubscribe = recorder.subscribe((event: RecorderEvent) => {
      try {
        if ("call" in event && event.call?.id) batcher.push(event.call.id, event.call);
        else if ("trace" in event && event.trace?.id && traces) traceBatcher.push(event.trace.id, event.trace);
      } catch {
        // a malformed event must never reach the app's stack
      }
    });
  } catch {
    // a recorder that cannot be subscribed to leaves the devtools empty, not broken
  }
  return {
    flush() {
      batcher.flush();
      traceBatcher.flush();
    },
    disconnect() {
      try {
        unsubscribe();
      } catch {
        // nothing to do: the recorder is going away anyway
      }
      batcher.dispose();
      traceBatcher.dispose();
    },
  };
}

function readPaused(recorder: Recorder): boolean {
  try {
    return recorder.paused === true;
  } catch {
    return false;
  }
}

export function setCapturePaused(store: CallStore, recorder: Recorder, paused: boolean): void {
  try {
    recorder.setPaused(paused);
    store.setState({ paused: recorder.paused });
  } catch {
    store.setState({ paused: readPaused(recorder) });
  }
}
