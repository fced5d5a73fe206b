// Coherence, honestly: the answer's form, not its sense. It sees repeated
// phrases (a model looping), a cut-off at the token limit and broken structure
// (an unclosed code fence, JSON that does not parse); it cannot see a fluent
// answer that contradicts itself or reasons badly.
import { wordList } from "../analysis/token-jaccard.ts";
import type { LLMCall } from "../types.ts";
import { answerOf, hasAnswer } from "./call-text.ts";
import type { SyncQualityEvaluator } from "./evaluator.ts";

export const TRUNCATION_PENALTY = 40;
export const STRUCTURE_PENALTY = 20;
const LENGTH_REASONS = new Set(["length", "max_tokens", "MAX_TOKENS", "max_output_tokens", "incomplete"]);

/** share (0..1) of the answer's word trigrams that repeat an earlier one */
export function repeatedTrigramShare(text: string): number {
  const words = wordList(text);
  if (words.length < 8) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i + 2 < words.length; i++) {
    const gram = `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    if (seen.has(gram)) repeats++;
    else seen.add(gram);
  }
  return repeats / (words.length - 2);
}

/** the provider stopped it at the token limit, or it used every token it was allowed */
export function stoppedAtLimit(call: LLMCall): boolean {
  if (call.completion?.finishReason && LENGTH_REASONS.has(call.completion.finishReason)) return true;
  const max = call.params?.maxTokens;
  const out = call.usage?.outputTokens;
  return typeof max === "number" && typeof out === "number" && max > 0 && out >= max;
}

export function brokenStructure(text: string): boolean {
  if ((text.match(/^\s*```/gm) ?? []).length % 2 === 1) return true;
  const trimmed = text.trim();
  if (/^[{[]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
    } catch {
      return true;
    }
  }
  return false;
}

export const coherenceEvaluator: SyncQualityEvaluator = {
  name: "coherence",
  evaluate(call) {
    if (!hasAnswer(call)) return undefined;
    const text = answerOf(call);
    let coherence = 100 - 100 * repeatedTrigramShare(text);
    if (stoppedAtLimit(call)) coherence -= TRUNCATION_PENALTY;
    if (brokenStructure(text)) coherence -= STRUCTURE_PENALTY;
    return { coherence };
  },
};
