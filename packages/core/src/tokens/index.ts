// The main entry's token API: only what keeps the tokenizer out of the main
// chunk. estimateUsage here is the lazy one (see estimate-lazy.ts); the
// tokenizer itself, loadTokenizer and friends are at "@llmscope/core/tokens" —
// re-exporting them here would tie their chunk to the main one.
export { estimateUsage } from "./estimate-lazy.ts";
export type { Encoding } from "./encoding-for-model.ts";
export type { CountTokens, TokenizerLibrary } from "./load-tokenizer.ts";
export type { EstimatedCall, EstimatedUsage, TokenEstimator } from "./token-estimator.ts";
