import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.ts";

describe("token bucket", () => {
  it("allows a burst, then asks to retry, and refills over time per key", () => {
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take("k", 1000))).toEqual([undefined, undefined, undefined]);
    expect(limiter.take("k", 1000)).toBe(1);
    expect(limiter.take("other", 1000)).toBeUndefined();
    expect(limiter.take("k", 1500)).toBeUndefined();
    expect(limiter.take("k", 1500)).toBe(1);
  });
});
