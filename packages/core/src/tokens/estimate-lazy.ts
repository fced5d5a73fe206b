// The recorder's only way to the tokenizer: one dynamic import, taken the first
// time a call needs an estimate, so neither the estimator nor its tokenizers
// are part of the main chunk. `#tokenizer` (package.json "imports") is the real
// estimator, or no tokenizer at all in Workers builds (see no-tokenizer.ts).
import type { TokenizerLibrary } from "./load-tokenizer.ts";
import type { EstimatedCall, EstimatedUsage, TokenEstimator } from "./token-estimator.ts";

/** Input and output tokens of a call, with the given estimator or the bundled tokenizer library. */
export async function estimateUsage(call: EstimatedCall, tokenizer?: TokenizerLibrary | TokenEstimator): Promise<EstimatedUsage> {
  if (typeof tokenizer == "function") return tokenizer(call);
  const estimator: { estimateUsage(call: EstimatedCall, library?: TokenizerLibrary): Promise<EstimatedUsage> } = await import("#tokenizer");
  return estimator.estimateUsage(call, tokenizer);
}
