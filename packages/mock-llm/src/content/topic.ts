import { ENGLISH_SENTENCES } from "./sentences.ts";
import { topicWords } from "./words.ts";

const MAX_TOPIC_WORDS = 14;
const MAX_TOOL_RESULT = 200;
const LEADING_ASK =
  /^(?:(?:please|so|ok|hey|and|but)[, ]+)*(?:(?:can|could|would|will) you |tell me |explain |describe |what|who|why|how|when|where|which)?(?:['’]s)?(?:\s*\b(?:is|are|was|were|do|does|did|about|me|much|many|i|we|you)\b)*\s*/i;

/** The question's subject as a phrase: its last line, the asking words and end punctuation dropped, capped. */
export function topicOf(question: string): string {
  const line = question.trim().split(/\n+/).filter((l) => l.trim()).at(-1)?.trim() ?? "";
  const words = line.replace(LEADING_ASK, "").replace(/[?？!！.。\s]+$/u, "").split(/\s+/).filter(Boolean);
  return words.slice(0, MAX_TOPIC_WORDS).join(" ");
}

export function topicSentence(topic: string, japanese: boolean, h: number): string {
  if (japanese) return `「${topic}」についてお答えします。`;
  const forms = [`You asked about ${topic}.`, `On ${topic}, here is the short version.`, `About ${topic}: the answer has a few parts.`];
  return forms[h % forms.length]!;
}

export function toolSentence(result: string, japanese: boolean): string {
  const flat = result.replace(/\s+/g, " ").trim();
  const capped = flat.length > MAX_TOOL_RESULT ? `${flat.slice(0, MAX_TOOL_RESULT)}…` : flat;
  return japanese ? `ツールの結果は ${capped} です。` : `The tool returned ${capped}.`;
}

/** The canned sentence sharing the most topic words with the question, and the share of them it covers. */
export function closestSentence(question: string): { sentence: string; covers: number } | undefined {
  const asked = topicWords(question);
  if (asked.length === 0) return undefined;
  let best: { sentence: string; covers: number } | undefined;
  for (const sentence of ENGLISH_SENTENCES) {
    const said = new Set(topicWords(sentence));
    const covers = asked.filter((w) => said.has(w)).length / asked.length;
    if (covers > 0 && covers > (best?.covers ?? 0)) best = { sentence, covers };
  }
  return best;
}
