import { describe, expect, it } from "vitest";
import { createDelays } from "./delays.ts";

const sequence = (seed: number, jitterMs: number) => {
  const delays = createDelays({ firstChunkDelayMs: 30, chunkDelayMs: 50, jitterMs }, seed);
  return Array.from({ length: 20 }, () => delays.next());
};

describe("createDelays", () => {
  it("repeats the same jittered gaps for the same seed and differs for another", () => {
    expect(sequence(7, 20)).toEqual(sequence(7, 20));
    expect(sequence(7, 20)).not.toEqual(sequence(8, 20));
  });

  it("keeps gaps within chunk delay ± jitter, and constant without jitter", () => {
    const gaps = sequence(3, 20);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(70);
    expect(new Set(gaps).size).toBeGreaterThan(5);
    expect(new Set(sequence(3, 0))).toEqual(new Set([50]));
  });

  it("never goes negative when jitter exceeds the gap", () => {
    const delays = createDelays({ firstChunkDelayMs: 0, chunkDelayMs: 1, jitterMs: 100 }, 1);
    for (let i = 0; i < 50; i++) expect(delays.next()).toBeGreaterThanOrEqual(0);
  });
});
