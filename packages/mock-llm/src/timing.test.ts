import { describe, expect, it } from "vitest";
import { DEFAULT_TIMING } from "./options.ts";
import { timingFor } from "./timing.ts";

const none = new Headers();

describe("timingFor", () => {
  it("starts from small defaults so test suites stay fast", () => {
    expect(timingFor({}, "normal", none)).toEqual(DEFAULT_TIMING);
    expect(DEFAULT_TIMING.firstChunkDelayMs).toBeLessThanOrEqual(20);
  });

  it("lets the slow and jitter scenarios override server options", () => {
    expect(timingFor({ firstChunkDelayMs: 1 }, "slow_first_token", none).firstChunkDelayMs).toBe(600);
    const jitter = timingFor({ jitterMs: 0 }, "jitter", none);
    expect(jitter.jitterMs).toBeGreaterThan(0);
  });

  it("lets request headers override everything, ignoring nonsense values", () => {
    const headers = new Headers({ "x-mock-first-chunk-delay": "5", "x-mock-chunk-delay": "-3", "x-mock-jitter": "abc" });
    expect(timingFor({ chunkDelayMs: 9, jitterMs: 2 }, "slow_first_token", headers)).toEqual({ firstChunkDelayMs: 5, chunkDelayMs: 9, jitterMs: 2 });
  });
});
