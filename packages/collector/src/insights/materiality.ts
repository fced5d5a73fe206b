// Whether an unusual point matters: its absolute impact (extra requests,
// tokens or dollars, requests slowed or failed) as a share of the whole app's
// usual day, or usual hour for a point of the hourly series. A light user's
// $0.05 day can be "+3000 %" and still not be worth a person's attention; a
// prompt whose tokens tripled is, once those tokens are a visible part of the
// app's. The floors are shares, so they hold at any scale, and configurable.
import type { DayRow } from "./daily-series.ts";
import type { Metric } from "./metrics.ts";

export interface Materiality {
  /** extra requests, as a share of the app's usual requests */
  calls: number;
  /** extra tokens (more requests, bigger requests, input no longer cached, cache writes), as a share of the app's usual tokens */
  tokens: number;
  /** extra dollars, as a share of the app's usual cost */
  cost: number;
  /** requests slowed, or answers scored lower, as a share of the app's usual requests */
  affected: number;
  /** extra failed requests, as a share of the app's usual requests */
  errors: number;
  /** a person never seen before (a joiner, a new job's service user) is news only at this share of the app's measure; other new keys (a department onboarding, a new served snapshot) meet the floors above */
  newKey: number;
  /**
   * the days a prompt's broken cache still missing at the day's end is judged over: it costs its rate every day until
   * someone fixes it, where a one-day spike is over at midnight. A day of its usual calls all missing, times these
   * days, meets the dollars floor (a working week)
   */
  cacheBreakDays: number;
  /** a prompt's size per request that moved and stayed (held two days, or at its new size at the day's end), as a share of the app's usual tokens or cost: it costs its extra every day from then on */
  lastingSize: number;
}

export const DEFAULT_MATERIALITY: Materiality = { calls: 0.05, tokens: 0.05, cost: 0.05, affected: 0.05, errors: 0.01, newKey: 0.15, cacheBreakDays: 5, lastingSize: 0.02 };

/** the app's usual level in a window (a day, or one hour of the day) */
export interface AppScale {
  calls: number;
  tokens: number;
  cost: number;
}

export interface Impact {
  /** which floor applies */
  floor: Exclude<keyof Materiality, "newKey" | "cacheBreakDays" | "lastingSize">;
  /** the impact as a share of the app's usual level */
  share: number;
  /** the impact in its own unit (requests, tokens, dollars) */
  amount: number;
  /** the impact as a share of the app's usual day, also for an hour's point: what impacts are ranked by */
  dayShare: number;
}

/** a cached input token's price relative to an uncached one's (OpenAI, Anthropic and Google all bill cache reads at about a tenth) */
export const CACHE_READ_PRICE = 0.1;
/** a cache write's price relative to an uncached input token's, where the provider bills writes (Anthropic: 1.25) */
export const CACHE_WRITE_PRICE = 1.25;
/** output tokens cost about four times input tokens at the usual providers */
const OUTPUT_PRICE = 4;

/** the row's (or a call's) dollars per uncached input token, read from its cost with output at four times the price, cache reads at a tenth and writes at 1.25 */
export function inputPrice(row: Pick<DayRow, "inputTokens" | "outputTokens" | "costUSD" | "cachedInputTokens" | "cacheWriteTokens">): number {
  const cached = row.cachedInputTokens ?? 0;
  const written = row.cacheWriteTokens ?? 0;
  const units = row.inputTokens - cached - written + CACHE_READ_PRICE * cached + CACHE_WRITE_PRICE * written + OUTPUT_PRICE * row.outputTokens;
  return units > 0 ? row.costUSD / units : 0;
}

const share = (amount: number, of: number) => (of > 0 ? amount / of : amount > 0 ? Infinity : 0);

/** the absolute impact of a point whose measure moved by `delta` (in the bad direction) */
export function impactOf(metric: Metric, row: DayRow, delta: number, app: AppScale, day: AppScale = app): Impact {
  const dayOf: Record<Impact["floor"], number> = { calls: day.calls, tokens: day.tokens, cost: day.cost, affected: day.calls, errors: day.calls };
  const make = (floor: Impact["floor"], amount: number, of: number): Impact => ({ floor, amount, share: share(amount, of), dayShare: share(amount, dayOf[floor]) });
  switch (metric) {
    case "calls":
      // extra requests are judged against the app's day even in an hour: forty requests more in a quiet evening hour
      // (a few people working late) cost what they cost at any hour; a flood that matters adds a share of the day
      return make("calls", delta, day.calls);
    case "tokens":
    case "cacheWriteTokens":
      return make("tokens", delta, app.tokens);
    case "tokensPerRequest":
    case "outputTokensPerRequest":
      return make("tokens", delta * row.calls, app.tokens);
    case "cachedInputPerRequest":
      // input that was read from the cache (at a tenth of the price) and now is paid in full, and where the series' provider
      // bills cache writes, written again at a quarter more: dollars, as token counts stay flat
      return make("cost", delta * row.calls * ((row.cacheWriteTokens ? CACHE_WRITE_PRICE : 1) - CACHE_READ_PRICE) * inputPrice(row), app.cost);
    case "cost":
      return make("cost", delta, app.cost);
    case "costPerRequest":
      return make("cost", delta * row.calls, app.cost);
    case "errorRate":
      return make("errors", delta * row.calls, app.calls);
    case "latencyP95":
      return make("affected", row.calls, app.calls);
    case "ttftP95":
      return make("affected", row.streamed ?? row.calls, app.calls);
    case "quality":
      return make("affected", row.scored ?? 0, app.calls);
  }
}

/** the same impact with its amount re-counted (the requests a slowdown really affected): the shares scale with it */
export function withAmount(impact: Impact, amount: number): Impact {
  const ratio = impact.amount > 0 ? amount / impact.amount : 0;
  return { ...impact, amount, share: impact.share * ratio, dayShare: impact.dayShare * ratio };
}
