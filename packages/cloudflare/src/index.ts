// @llmscope/cloudflare: record every LLM call a Cloudflare Worker makes.
export { withLLMScope } from "./with-llmscope.ts";
export { instrumentAI, type InstrumentAIOptions } from "./ai/instrument-ai.ts";
export { workersAI } from "./ai/workers-ai-adapter.ts";
export { instrumentVectorize, type InstrumentVectorizeOptions } from "./trace/instrument-vectorize.ts";
export { recordingFetch, withTags, step, llmscopeStats, type WorkerStats } from "./active-recorder.ts";
export { consoleSink, type ConsoleSinkOptions } from "./console-sink.ts";
export { jwtClaim, jwtClaims } from "./jwt-claims.ts";
export { MISSING_ALS_MESSAGE, type AsyncLocalStorageClass, type AsyncLocalStorageLike } from "./async-local-storage.ts";
export type { LLMScopeOptions, LLMScopeConfig, TagValues } from "./options.ts";
export type { WorkerProblems } from "./isolate.ts";
export type { EnvOf, ExecutionContextLike, MessageBatchLike, ScheduledControllerLike, WorkerHandler } from "./worker-types.ts";
