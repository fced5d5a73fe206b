export { encodingForModel, type Encoding } from "./encoding-for-model.ts";
export { loadTokenizer, type CountTokens, type TokenizerLibrary } from "./load-tokenizer.ts";
export { estimateUsage, TOKENS_PER_MESSAGE, REPLY_PRIMING_TOKENS, type EstimatedUsage } from "./estimate-usage.ts";
export { splitLongRuns, MAX_RUN } from "./split-long-runs.ts";
