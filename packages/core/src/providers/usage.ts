// One reader for every provider's usage vocabulary; the names never collide.
import type { Usage } from "../types.ts";
import { clean, num, obj, type Obj } from "./read.ts";

/** the counts given added up; undefined when none is */
const sum = (...xs: (number | undefined)[]): number | undefined => xs.reduce((a, x) => (x === undefined ? a : (a ?? 0) + x), undefined);

/**
 * OpenAI chat/completions/embeddings (`prompt_tokens`…), Responses and Anthropic
 * (`input_tokens`…), Gemini (`promptTokenCount`…), Ollama (`prompt_eval_count`…).
 * Anthropic reports cache reads and writes apart from `input_tokens`, so they are
 * added in to keep `inputTokens` the total input; Gemini reports thoughts apart
 * from candidates, so they are added to `outputTokens`. Returns undefined when no
 * count is present, which tells the recorder to estimate.
 */
export const usageOf = (u: Obj): Omit<Usage, "source"> | undefined => {
  const cacheRead = num(u.cache_read_input_tokens), cacheWrite = num(u.cache_creation_input_tokens);
  const input = sum(num(u.prompt_tokens ?? u.input_tokens ?? u.promptTokenCount ?? u.prompt_eval_count), cacheRead, cacheWrite);
  const output = sum(num(u.completion_tokens ?? u.output_tokens ?? u.candidatesTokenCount ?? u.eval_count), num(u.thoughtsTokenCount));
  const r = clean({
    inputTokens: input,
    outputTokens: output,
    cachedInputTokens: num(obj(u.prompt_tokens_details ?? u.input_tokens_details).cached_tokens) ?? cacheRead ?? num(u.cachedContentTokenCount),
    cacheWriteTokens: cacheWrite,
    reasoningTokens: num(obj(u.completion_tokens_details ?? u.output_tokens_details).reasoning_tokens) ?? num(u.thoughtsTokenCount),
    totalTokens: num(u.total_tokens ?? u.totalTokenCount) ?? (input !== undefined && output !== undefined ? input + output : undefined),
  });
  return Object.keys(r).length ? r : undefined;
};
