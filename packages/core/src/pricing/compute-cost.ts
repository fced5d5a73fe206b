import type { Cost, Usage } from "../types.ts";
import { findPrice } from "./find-price.ts";
import { PRICE_DATE, type ModelPrice } from "./price-table.ts";

function tokens(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * The cost of a call in USD. `usage.inputTokens` is the whole input; cached
 * reads and cache writes are parts of it, each billed at its own rate, and
 * reasoning tokens are already inside the output. Undefined when the model has
 * no price or the call used no tokens.
 */
export function computeCost(
  model: string | undefined,
  usage: Usage,
  overrides?: Record<string, ModelPrice>,
): Cost | undefined {
  const price = findPrice(model, overrides);
  if (!price || !usage) return undefined;
  const input = tokens(usage.inputTokens);
  const output = tokens(usage.outputTokens);
  if (input + output === 0) return undefined;
  // A provider that reports more cached than total input is clamped, never billed negative.
  const cached = Math.min(tokens(usage.cachedInputTokens), input);
  const written = Math.min(tokens(usage.cacheWriteTokens), input - cached);
  const perToken = (rate: number | undefined) => (rate ?? price.input) / 1_000_000;
  const inputUSD = (input - cached - written) * perToken(price.input);
  const cachedInputUSD = cached * perToken(price.cachedInput);
  const cacheWriteUSD = written * perToken(price.cacheWrite);
  const outputUSD = output * (price.output / 1_000_000);
  return {
    inputUSD,
    cachedInputUSD,
    cacheWriteUSD,
    outputUSD,
    totalUSD: inputUSD + cachedInputUSD + cacheWriteUSD + outputUSD,
    priceDate: PRICE_DATE,
  };
}
