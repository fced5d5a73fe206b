import type { Cost, Usage } from "../types.ts";
import { findPrice } from "./find-price.ts";
import { PRICE_DATE, type ModelPrice } from "./price-table.ts";

/** a token count as billed: missing, negative, NaN or infinite counts bill nothing */
const count = (value: unknown): number => (Number.isFinite(value) && (value as number) > 0 ? (value as number) : 0);

/**
 * The cost of a call in USD. `usage.inputTokens` is the whole input; cached
 * reads and cache writes are parts of it, each billed at its own rate, and
 * reasoning tokens are already inside the output. Undefined when the model has
 * no price or the call used no tokens.
 */
export function computeCost(model: string | undefined, usage: Usage, overrides?: Record<string, ModelPrice>): Cost | undefined {
  const price = findPrice(model, overrides);
  const input = count(usage?.inputTokens);
  const output = count(usage?.outputTokens);
  if (!price || input + output == 0) return undefined;
  // A provider that reports more cached than total input is clamped, never billed negative.
  const cached = Math.min(count(usage.cachedInputTokens), input);
  const written = Math.min(count(usage.cacheWriteTokens), input - cached);
  // without a cache rate of its own, a model bills cached tokens at the input rate
  const usd = (tokens: number, rate = price.input) => tokens * (rate / 1_000_000);
  const inputUSD = usd(input - cached - written);
  const cachedInputUSD = usd(cached, price.cachedInput);
  const cacheWriteUSD = usd(written, price.cacheWrite);
  const outputUSD = usd(output, price.output);
  const totalUSD = inputUSD + cachedInputUSD + cacheWriteUSD + outputUSD;
  return { inputUSD, cachedInputUSD, cacheWriteUSD, outputUSD, totalUSD, priceDate: PRICE_DATE };
}
