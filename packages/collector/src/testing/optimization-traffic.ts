// Traffic with the waste `report --optimize` looks for, spread over several
// models and priced at real per-token rates, so savings are small and every
// finding has a model to name: one prompt sent to two models, a prompt served
// by three models of equal quality, answers too long on two models, a session
// whose context grows, and two long prompts that differ only past their start.
import type { LLMCall } from "@llmscope/core";
import { makeCall, type CallShape } from "./make-call.ts";

/** USD per token, input and output, as the providers priced them */
export const PRICES: Record<string, [number, number]> = {
  "gpt-4o-mini": [0.15e-6, 0.6e-6],
  "gpt-4o": [2.5e-6, 10e-6],
  "claude-sonnet-4": [3e-6, 15e-6],
};

export const REFUND_QUESTION = "What is the refund policy?";
/** two prompts that read alike for their first 80 characters and more */
export const LONG_PROMPTS = ["a", "b"].map((end) => `Please summarise the attached contract for the legal team and list every clause about termination ${end}`);

export interface PricedShape extends CallShape {
  session?: string;
  quality?: number;
}

/** a call costed from its tokens at its model's price */
export function pricedCall(startedAt: number, shape: PricedShape): LLMCall {
  const c = makeCall({ startedAt, ...shape });
  const [inUSD, outUSD] = PRICES[c.model ?? ""] ?? [0.001, 0.001];
  const input = (c.usage.inputTokens ?? 0) * inUSD;
  const output = (c.usage.outputTokens ?? 0) * outUSD;
  c.sessionId = shape.session ?? `s-${c.id}`;
  c.cost = { inputUSD: input, cachedInputUSD: 0, outputUSD: output, totalUSD: shape.costUSD ?? input + output, priceDate: "2026-01-01" };
  if (shape.quality !== undefined) c.quality = { average: shape.quality };
  return c;
}

/** the calls, a second apart from `start` */
export function optimizationTraffic(start: number): LLMCall[] {
  const shapes: PricedShape[] = [
    ...[1000, 2000, 3000, 4000].map((inputTokens) => ({ session: "chat-1", inputTokens, outputTokens: 50, tags: { promptId: "chat", userId: "ana" } })),
    ...["gpt-4o-mini", "gpt-4o"].flatMap((model) => Array.from({ length: 5 }, () => ({ model, promptText: REFUND_QUESTION, inputTokens: 20, outputTokens: 40, tags: { promptId: "faq", userId: "ben" } }))),
    ...LONG_PROMPTS.flatMap((promptText) => [promptText, promptText].map(() => ({ promptText, inputTokens: 30, outputTokens: 100, tags: { promptId: "contract", userId: "ben" } }))),
    ...["gpt-4o-mini", "gpt-4o"].flatMap((model) => [200, 200, 200, 200, 200, 200, 200, 200, 900, 900].map((outputTokens) => ({ model, inputTokens: 50, outputTokens, tags: { promptId: "essay", userId: "cy" } }))),
    ...(
      [
        ["gpt-4o", 80],
        ["claude-sonnet-4", 81],
        ["gpt-4o-mini", 79],
      ] as const
    ).flatMap(([model, quality]) => Array.from({ length: 10 }, () => ({ model, quality, inputTokens: 300, outputTokens: 100, tags: { promptId: "qa", userId: "dee" } }))),
  ];
  return shapes.map((shape, i) => pricedCall(start + i * 1000, shape));
}
