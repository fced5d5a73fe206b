// The default estimator: gpt-tokenizer, one encoding loaded when a call needs it.
import { countUsage } from "./count-usage.ts";
import { loadTokenizer, type TokenizerLibrary } from "./load-tokenizer.ts";
import { REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE } from "./chat-overhead.ts";
import type { EstimatedCall, EstimatedUsage } from "./token-estimator.ts";

export { REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE };

export type { EstimatedUsage };

/**
 * Input and output tokens of a call, counted with the model's encoding: for
 * when the provider reported none. Chat-shaped calls include the per-message
 * overhead; embeddings have input only.
 */
export function estimateUsage(call: EstimatedCall, library: TokenizerLibrary = "gpt-tokenizer"): Promise<EstimatedUsage> {
  return countUsage(call, (encoding) => loadTokenizer(encoding, library));
}
