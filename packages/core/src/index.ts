// @llmscope/core: the recorder, fetch interception, provider adapters, stream
// observation, tokens, pricing, errors, fingerprints, analysis and sinks.
// Runtime-agnostic: nothing here touches node:, the DOM or Workers at import time.
export type * from "./types.ts";
export type * from "./trace/types.ts";
export type * from "./providers/types.ts";
export * from "./recorder/index.ts";
export * from "./providers/index.ts";
export * from "./errors/index.ts";
export * from "./tokens/index.ts";
export * from "./pricing/index.ts";
export * from "./fingerprint/index.ts";
export * from "./analysis/index.ts";
export * from "./sinks/index.ts";
export * from "./secrets/index.ts";
