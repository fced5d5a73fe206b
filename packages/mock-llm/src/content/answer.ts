import { hashString } from "./hash.ts";
import { BACKGROUND_EN, BACKGROUND_JA, ENGLISH_SENTENCES, JAPANESE } from "./sentences.ts";
import { closestSentence, toolSentence, topicOf, topicSentence } from "./topic.ts";

/** The prompt asks the model to explain at length (e.g. 「詳しく背景を説明した上で」). */
export const asksForDetail = (prompt: string) => /詳しく|詳細|背景を説明|in detail|explain the background/i.test(prompt);

export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** What the answer is about: the user's question and, after a tool call, the tool's result. */
export interface AnswerFocus {
  question?: string;
  toolResult?: string;
}

/**
 * The same prompt always gets the same answer; `salt` (set only when the
 * caller asks for variation) picks a different one. The answer speaks to the
 * question (its topic first, the canned sentence that shares most of its
 * words next) and quotes a tool's result, so a demo's relevance scores read
 * like a model's.
 */
export function answerFor(prompt: string, salt = 0, focus: AnswerFocus = {}): string {
  const question = focus.question ?? prompt;
  const japanese = CJK.test(question || prompt);
  const sentences = japanese ? JAPANESE : ENGLISH_SENTENCES;
  const h = hashString(prompt, 0x811c9dc5 ^ salt);
  const count = 2 + (h % 3);
  const start = (h >>> 4) % sentences.length;
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) chosen.push(sentences[(start + i * 5) % sentences.length]!);
  const best = japanese ? undefined : closestSentence(question);
  if (best && !chosen.includes(best.sentence)) chosen.unshift(best.sentence);
  if (focus.toolResult) chosen.unshift(toolSentence(focus.toolResult, japanese));
  const topic = topicOf(question);
  // the topic sentence goes first unless the matching sentence already covers every topic word
  if (topic && !(best && best.covers === 1)) chosen.unshift(topicSentence(topic, japanese, h));
  if (asksForDetail(prompt)) chosen.unshift(...(japanese ? BACKGROUND_JA : BACKGROUND_EN));
  return chosen.join(japanese ? "" : " ");
}
