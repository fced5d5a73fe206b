// A month of plausible traffic: departments, features, users, models, a few
// prompt templates, errors, and a prompt change that bloats tokens near the end.
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "./make-call.ts";

const DAY = 86_400_000;
const DEPARTMENTS = ["support", "sales", "legal", "marketing"];
const FEATURES = ["chat", "summarize", "search", "draft-email"];
const MODELS: [string, number, number][] = [["gpt-4o-mini", 0.15, 0.6], ["gpt-4o", 2.5, 10], ["claude-sonnet-4", 3, 15]];
const PROMPTS = ["triage-v1", "summarize-v3", "answer-kb-v2", "email-v1"];

/** deterministic pseudo-random so runs compare */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function demoCalls(options: { days: number; perDay: number; end: number; seed?: number }): LLMCall[] {
  const rand = rng(options.seed ?? 7);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const calls: LLMCall[] = [];
  const start = options.end - options.days * DAY;
  for (let d = 0; d < options.days; d++) {
    const n = Math.round(options.perDay * (0.8 + rand() * 0.4) * (1 + d / options.days / 2));
    for (let i = 0; i < n; i++) {
      const dept = pick(DEPARTMENTS);
      const promptId = pick(PROMPTS);
      const [model, inPrice, outPrice] = pick(MODELS);
      const bloated = promptId === "answer-kb-v2" && d > options.days - 6;
      const input = Math.round((bloated ? 900 : 300) * (0.7 + rand() * 0.6));
      const output = Math.round(120 * (0.5 + rand()));
      calls.push(
        makeCall({
          id: `demo-${options.seed ?? 7}-${d}-${i}`,
          startedAt: start + d * DAY + Math.floor(rand() * DAY),
          model,
          inputTokens: input,
          outputTokens: output,
          costUSD: (input * inPrice + output * outPrice) / 1e6,
          durationMs: 300 + rand() * 2500,
          ttftMs: 150 + rand() * 600,
          fingerprint: `fp-${promptId}`,
          promptText: `[${promptId}] Customer ${Math.floor(rand() * 1000)} asks about order ${Math.floor(rand() * 99999)}`,
          tags: { department: dept, feature: pick(FEATURES), userId: `user-${Math.floor(rand() * 40)}`, promptId },
          ...(rand() < 0.02 ? { errorKind: pick(["rate_limit", "overloaded", "timeout"] as const) } : {}),
        }),
      );
    }
  }
  return calls.sort((a, b) => a.startedAt - b.startedAt);
}
