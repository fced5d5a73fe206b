import { hashString } from "./hash.ts";

const ENGLISH = [
  "The quick answer is that it depends on the context you provide.",
  "Here is a short summary of the main points.",
  "First, check the inputs; then compare the results with the expected values.",
  "Caching repeated prompts is one of the easiest ways to cut latency and cost.",
  "A smaller model is often good enough for classification tasks.",
  "Streaming lets the user read the first words while the rest is still being generated.",
  "Token usage grows with both the prompt and the completion, so watch both.",
  "In short, measure before you optimize.",
  "The weather today is mild, with a light breeze from the west.",
  "Paris is the capital of France and sits on the Seine.",
  "Water boils at one hundred degrees Celsius at sea level.",
  "Good prompts state the task, the format and one clear example.",
  "Retries with exponential backoff smooth over brief rate limits.",
  "Each request carries its own context, so identical prompts are cheap to compare.",
  "That is a great question, and the honest answer has a few parts.",
  "Let me know if you would like more detail on any of these steps.",
];

const JAPANESE = [
  "ご質問ありがとうございます。",
  "結論から言うと、状況によって異なります。",
  "まず入力を確認し、次に結果を比較してください。",
  "ストリーミングを使うと最初の言葉をすぐに表示できます。",
  "トークン数はプロンプトと応答の両方で増えます。",
  "詳しく知りたい点があれば教えてください。",
];

export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * The same prompt always gets the same answer; `salt` (set only when the
 * caller asks for variation) picks a different one.
 */
export function answerFor(prompt: string, salt = 0): string {
  const sentences = CJK.test(prompt) ? JAPANESE : ENGLISH;
  const h = hashString(prompt, 0x811c9dc5 ^ salt);
  const count = 2 + (h % 3);
  const start = (h >>> 4) % sentences.length;
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) chosen.push(sentences[(start + i * 5) % sentences.length]!);
  return chosen.join(sentences === JAPANESE ? "" : " ");
}
