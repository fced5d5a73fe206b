// Relevance, honestly: how many of the question's content words the answer
// uses. It cannot tell a right answer from a wrong one on the same topic, nor
// credit a correct answer that uses other words (synonyms, another language).
import { wordList } from "../analysis/token-jaccard.ts";
import { answerOf, hasAnswer, questionOf } from "./call-text.ts";
import type { SyncQualityEvaluator } from "./evaluator.ts";

// Function words carry no topic; a question made only of them is not judged.
const STOPWORDS = new Set(
  ("a an the and or but if then so of to in on at by for with from as is are was were be been being do does did " +
    "have has had i you he she it we they me my your our their this that these those what which who whom whose " +
    "when where why how can could should would will shall may might must not no yes please tell give show explain " +
    "about into than there here its it's just also any some all more most very").split(" "),
);

/** lowercase, and a plural or verb "s" dropped, so "capitals" matches "capital" */
const stem = (word: string): string => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);

export function contentWords(text: string): Set<string> {
  return new Set(wordList(text).filter((w) => !STOPWORDS.has(w)).map(stem));
}

/** share (0..100) of the question's content words that appear in the answer */
export function questionOverlap(question: string, answer: string): number | undefined {
  const asked = contentWords(question);
  if (asked.size === 0) return undefined;
  const said = contentWords(answer);
  let used = 0;
  for (const w of asked) if (said.has(w)) used++;
  return (100 * used) / asked.size;
}

export const relevanceEvaluator: SyncQualityEvaluator = {
  name: "relevance",
  evaluate(call) {
    if (!hasAnswer(call)) return undefined;
    const relevance = questionOverlap(questionOf(call), answerOf(call));
    return relevance === undefined ? undefined : { relevance };
  },
};
