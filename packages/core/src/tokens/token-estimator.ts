import type { LLMCall } from "../types.ts";

export type EstimatedUsage = { inputTokens: number; outputTokens: number };

/** The part of a call its tokens are counted from. */
export type EstimatedCall = Pick<LLMCall, "model" | "prompt" | "completion" | "operation">;

/**
 * Counts the tokens of a call the provider reported none for. `estimateUsage`
 * from `@llmscope/core/tokens` is one; pass it as the recorder's `tokenizer`
 * where the build leaves the tokenizer out (Cloudflare Workers).
 */
export type TokenEstimator = (call: EstimatedCall) => Promise<EstimatedUsage>;
