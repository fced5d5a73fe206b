// Accuracy, honestly: closeness to a reference answer registered for the
// call's promptId, by words (token F1, ROUGE-L) and, when an embedding
// function is given, by meaning (cosine similarity). A call whose prompt has
// no reference gets no accuracy at all rather than an invented one; a correct
// answer worded unlike every reference scores low without embeddings.
import type { LLMCall } from "../types.ts";
import { answerOf, hasAnswer } from "./call-text.ts";
import type { QualityEvaluator } from "./evaluator.ts";
import { cosineSimilarity, rougeL, tokenF1 } from "./reference-scores.ts";

/** turns texts into vectors (any embedding model); called with the answer first, then the references */
export type EmbedTexts = (texts: string[]) => Promise<number[][]> | number[][];

export interface AccuracyOptions {
  /** the reference answers for a promptId; undefined or empty when there are none */
  references: (promptId: string) => readonly string[] | undefined;
  embed?: EmbedTexts;
}

/** 0..1 against one reference: the mean of token F1, ROUGE-L and (when given) cosine similarity */
export function referenceSimilarity(answer: string, reference: string, cosine?: number): number {
  const parts = [tokenF1(answer, reference), rougeL(answer, reference)];
  if (cosine !== undefined) parts.push(Math.max(0, cosine));
  return parts.reduce((s, v) => s + v, 0) / parts.length;
}

export function referencesOf(call: LLMCall, options: AccuracyOptions): readonly string[] {
  const promptId = call.tags?.promptId;
  return (promptId && options.references(promptId)) || [];
}

export function accuracyEvaluator(options: AccuracyOptions): QualityEvaluator {
  return {
    name: "accuracy",
    async evaluate(call) {
      const refs = referencesOf(call, options);
      if (!hasAnswer(call) || refs.length === 0) return undefined;
      const answer = answerOf(call);
      const vectors = options.embed ? await options.embed([answer, ...refs]) : undefined;
      const best = Math.max(
        ...refs.map((ref, i) => referenceSimilarity(answer, ref, vectors ? cosineSimilarity(vectors[0]!, vectors[i + 1]!) : undefined)),
      );
      return { accuracy: 100 * best };
    },
  };
}
