// The seed's example as data: a support prompt "質問に答えて" becomes
// "詳しく背景を説明した上で、質問に答えて" and, with the background it now
// includes, grows from about 150 to about 500 input tokens a call, with
// answers that grow accordingly. History and the true post-change traffic are
// generated from the same process, so the estimate can be scored against it.
import { estimateUsage } from "@llmscope/core/tokens";
import { computeCost, type LLMCall } from "@llmscope/core";
import { makeCall } from "./make-call.ts";
import { seededRandom, type Random } from "./seeded-random.ts";

export const OLD_TEMPLATE = "質問に答えて\n{{question}}";
export const NEW_TEMPLATE = "詳しく背景を説明した上で、質問に答えて\n背景: {{background}}\n質問: {{question}}";
export const FIXTURE_MODEL = "gpt-4o-mini";
export const FIXTURE_PROMPT_ID = "support-answer";
/** the true answer process: output tokens per input token, with per-call noise */
export const OUTPUT_PER_INPUT = 1.2;

const SENTENCES = [
  "注文した商品がまだ届いていません。",
  "先週の請求書の金額が見積もりと違っています。",
  "ログインしようとするとエラーが表示されます。",
  "パスワードを再設定するメールが届きません。",
  "契約プランを月額から年額に変更したいです。",
  "アプリの通知が突然来なくなりました。",
  "返品の手続きはどこから始めればよいですか。",
  "配送先の住所を注文後に変更できますか。",
  "領収書を会社名で発行してもらえますか。",
  "サポートの営業時間を教えてください。",
  "在庫切れの商品はいつ再入荷しますか。",
  "複数のアカウントを一つにまとめたいです。",
];

function text(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => random.pick(SENTENCES)).join("");
}

export function sampleInput(random: Random): { question: string; background: string } {
  return { question: text(random, 8 + random.int(5)), background: text(random, 21 + random.int(7)) };
}

export function fixtureSamples(count: number, seed: number): { question: string; background: string }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => sampleInput(random));
}

/** calls of the prompt as a model would answer them: output = OUTPUT_PER_INPUT × input, noisy */
export async function fixtureCalls(template: "old" | "new", count: number, seed: number, startedAt: number): Promise<LLMCall[]> {
  const random = seededRandom(seed);
  const calls: LLMCall[] = [];
  for (let i = 0; i < count; i++) {
    const { question, background } = sampleInput(random);
    const prompt = template === "old" ? OLD_TEMPLATE.replace("{{question}}", question) : NEW_TEMPLATE.replace("{{background}}", background).replace("{{question}}", question);
    const { inputTokens } = await estimateUsage({ model: FIXTURE_MODEL, operation: "chat", prompt: { messages: [{ role: "user", content: prompt }], text: prompt }, completion: { text: "" } });
    const outputTokens = Math.round(inputTokens * OUTPUT_PER_INPUT * random.logNormal(0.25));
    calls.push(
      makeCall({
        startedAt: startedAt + i * 60_000,
        model: FIXTURE_MODEL,
        inputTokens,
        outputTokens,
        costUSD: computeCost(FIXTURE_MODEL, { inputTokens, outputTokens, source: "provider" })?.totalUSD ?? 0,
        tags: { userId: `u${i % 30}`, department: "support", feature: "chat", promptId: FIXTURE_PROMPT_ID },
        promptText: prompt,
      }),
    );
  }
  return calls;
}
