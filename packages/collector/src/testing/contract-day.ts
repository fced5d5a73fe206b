// The cache-miss tests' fixture: a contract prompt of fifteen calls a day from
// 08:00, forty minutes apart, each of 10,000 input tokens of which a 6,000-token
// prefix is read from the cache or paid in full, beside a busy prompt of 300
// calls that makes most of the app's calls.
import type { LLMCall } from "@llmscope/core";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { makeCall } from "./make-call.ts";

export const CONTRACT_PREFIX = 6000;
/** dollars per uncached input token; a cached one costs a tenth, an output token four times */
export const CONTRACT_PRICE = 15e-6;

/** a day's calls: `cachedOf` answers the cached tokens of the contract's i-th call (in order, at `at`); the busy prompt's calls cost `busyCostUSD` each */
export function contractDay(day: number, cachedOf: (i: number, at: number) => number, busy: { inputTokens: number; outputTokens: number; costUSD: number }): LLMCall[] {
  const contract = Array.from({ length: 15 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 40 * 60_000;
    const cached = cachedOf(i, at);
    const inputTokens = 10_000;
    const costUSD = (inputTokens - cached) * CONTRACT_PRICE + cached * CONTRACT_PRICE * 0.1 + 500 * 4 * CONTRACT_PRICE;
    const call = makeCall({ startedAt: at, inputTokens, outputTokens: 500, costUSD, tags: { promptId: "contract-qa.answer", userId: `u${i % 5}` } });
    call.usage.cachedInputTokens = cached;
    return call;
  });
  const others = Array.from({ length: 300 }, (_, i) => makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 120_000, ...busy, tags: { promptId: "triage.route", userId: `v${i % 20}` } }));
  return [...contract, ...others];
}
