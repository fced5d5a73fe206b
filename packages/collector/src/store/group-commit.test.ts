import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.ts";

describe("group commit", () => {
  it("stores batches queued together in one group and answers each with its own result", async () => {
    const groups: number[][][] = [];
    const commit = createGroupCommit((batches: number[][]) => {
      groups.push(batches);
      return batches.map((b) => b.reduce((s, n) => s + n, 0));
    }, { maxItems: 100, sizeOf: (b) => b.length });
    const results = await Promise.all([commit([1, 2]), commit([10]), commit([100, 200])]);
    expect(results).toEqual([3, 10, 300]);
    expect(groups).toEqual([[[1, 2], [10], [100, 200]]]);
  });

  it("starts a new group once one holds maxItems", async () => {
    const sizes: number[] = [];
    const commit = createGroupCommit((batches: number[][]) => {
      sizes.push(batches.reduce((s, b) => s + b.length, 0));
      return batches.map(() => 0);
    }, { maxItems: 5, sizeOf: (b) => b.length, gatherMs: 0 });
    await Promise.all([commit([1, 1, 1]), commit([1, 1]), commit([1, 1]), commit([1, 1, 1, 1, 1, 1, 1])]);
    expect(sizes).toEqual([5, 2, 7]);
  });

  it("retries each batch alone when a group fails, so one bad batch fails only itself", async () => {
    const runs: number[][][] = [];
    const commit = createGroupCommit((batches: number[][]) => {
      runs.push(batches);
      if (batches.some((b) => b.includes(-1))) throw new Error("constraint failed");
      return batches.map((b) => b.length);
    }, { maxItems: 100, sizeOf: (b) => b.length });
    const settled = await Promise.allSettled([commit([1]), commit([-1, 2]), commit([3, 4])]);
    expect(settled).toEqual([
      { status: "fulfilled", value: 1 },
      { status: "rejected", reason: new Error("constraint failed") },
      { status: "fulfilled", value: 2 },
    ]);
    expect(runs).toEqual([[[1], [-1, 2], [3, 4]], [[1]], [[-1, 2]], [[3, 4]]]);
  });

  it("commits a lone batch on the next loop turn without waiting for company", async () => {
    let committed = 0;
    const commit = createGroupCommit((batches: number[][]) => {
      committed += batches.length;
      return batches.map(() => 0);
    }, { maxItems: 100, sizeOf: (b) => b.length, gatherMs: 60_000 });
    await commit([1]);
    await commit([2]);
    expect(committed).toBe(2);
  });
});
