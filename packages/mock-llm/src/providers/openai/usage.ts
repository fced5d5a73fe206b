import type { Generation } from "../../generation.ts";

/** Chat Completions usage; completion tokens include the hidden reasoning tokens. */
export function chatUsage(g: Generation) {
  const completion = g.outputTokens + g.reasoningTokens;
  return {
    prompt_tokens: g.inputTokens,
    completion_tokens: completion,
    total_tokens: g.inputTokens + completion,
    prompt_tokens_details: { cached_tokens: g.cache.read, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: g.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function chatFinishReason(g: Generation): string {
  switch (g.finish) {
    case "length":
      return "length";
    case "tool_call":
      return "tool_calls";
    case "content_filter":
    case "blocked":
      return "content_filter";
    default:
      return "stop";
  }
}
