import { describe, expect, it } from "vitest";
import { createFrameBatcher } from "./frame-batcher.ts";
import { nextFrame } from "../test-support/frames.ts";

describe("frame batcher", () => {
  it("applies everything pushed within a frame once, keeping the latest per key", async () => {
    const batches: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => batches.push(items));
    batcher.push("a", "a1");
    batcher.push("b", "b1");
    batcher.push("a", "a2");
    expect(batches).toEqual([]);
    await nextFrame();
    expect(batches).toEqual([["b1", "a2"]]);
    batcher.push("c", "c1");
    await nextFrame();
    expect(batches).toEqual([["b1", "a2"], ["c1"]]);
    batcher.dispose();
  });

  it("flush applies pending items at once and dispose drops them", async () => {
    const batches: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => batches.push(items));
    batcher.push("a", "a1");
    batcher.flush();
    expect(batches).toEqual([["a1"]]);
    batcher.push("b", "b1");
    batcher.dispose();
    await nextFrame();
    expect(batches).toEqual([["a1"]]);
  });
});
