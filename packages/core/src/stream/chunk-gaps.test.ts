import { describe, expect, it } from "vitest";
import { createChunkGaps } from "./chunk-gaps.ts";

describe("createChunkGaps", () => {
  it("summarises gaps between chunks", () => {
    const gaps = createChunkGaps();
    for (const at of [100, 110, 130, 131, 231]) gaps.add(at);
    expect(gaps.summary()).toEqual({ chunkCount: 5, chunkGapsMs: { p50: 20, p95: 100, max: 100 }, gapsMs: [10, 20, 1, 100] });
  });

  it("has no gaps for a single chunk", () => {
    const gaps = createChunkGaps();
    gaps.add(5);
    expect(gaps.summary()).toEqual({ chunkCount: 1 });
  });
});
