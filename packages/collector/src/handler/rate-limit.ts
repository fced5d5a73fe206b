// A token bucket per key: `burst` requests at once, refilled at `perSecond`.
// The map of buckets is capped so a flood of made-up keys cannot grow memory.
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export interface RateLimiter {
  /** undefined when allowed; otherwise seconds until a token is available */
  take(key: string, now: number): number | undefined;
}

const MAX_BUCKETS = 10_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now) {
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
        b = { tokens: options.burst, at: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(options.burst, b.tokens + ((now - b.at) / 1000) * options.perSecond);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return undefined;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / options.perSecond));
    },
  };
}
