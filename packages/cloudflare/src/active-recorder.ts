// Functions that reach the isolate's recorder from anywhere in the Worker, so code
// that never sees withLLMScope's arguments (a module-scope SDK client, a utility
// deep in the app) can still record and tag. Before the first event they pass
// straight through.
import type { RecorderStats, StepOptions, Tags } from "@llmscope/core";
import { activeIsolate, type WorkerProblems } from "./isolate.ts";

/**
 * A fetch that records through the Worker's recorder. Give it to SDK clients
 * created at module scope (`new OpenAI({ fetch: recordingFetch })`): they keep
 * the fetch they saw when created, which is the unpatched one.
 */
export const recordingFetch: typeof fetch = (input, init) => {
  const isolate = activeIsolate();
  return isolate ? isolate.fetch(input, init) : globalThis.fetch(input, init);
};

/** run fn with these tags on every LLM call it makes (on top of the request's own) */
export function withTags<T>(tags: Tags, fn: () => T): T {
  const isolate = activeIsolate();
  return isolate ? isolate.recorder.withTags(tags, fn) : fn();
}

/** time fn as a step of the request's trace (`{ kind: "preprocess" }`, "tool", …); outside a request fn just runs */
export function step<T>(name: string, fn: () => T, options?: StepOptions): T {
  const isolate = activeIsolate();
  return isolate ? isolate.recorder.step(name, fn, options) : fn();
}

export interface WorkerStats extends RecorderStats {
  worker: WorkerProblems;
}

/** the recorder's counters plus this package's own; undefined before the first event */
export function llmscopeStats(): WorkerStats | undefined {
  const isolate = activeIsolate();
  return isolate && { ...isolate.recorder.stats(), worker: { ...isolate.problems } };
}
