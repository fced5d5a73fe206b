// `@llmscope/core/tokens`: the tokenizer, imported on purpose. Importing it puts
// the estimator (and, through its lazy imports, the tokenizer ranks) into the
// build; Workers and browsers' production builds need that to estimate at all
// (see no-tokenizer.ts). js-tiktoken has its own entry, tokens/js-tiktoken.
export { encodingForModel, type Encoding } from "./encoding-for-model.ts";
export { loadTokenizer, type CountTokens, type TokenizerLibrary } from "./load-tokenizer.ts";
export { estimateUsage, TOKENS_PER_MESSAGE, REPLY_PRIMING_TOKENS } from "./estimate-usage.ts";
export { splitLongRuns, MAX_RUN } from "./split-long-runs.ts";
export type { EstimatedCall, EstimatedUsage, TokenEstimator } from "./token-estimator.ts";
