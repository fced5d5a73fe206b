import { describe, expect, it } from "vitest";
import { toCallRow } from "./call-row.ts";
import { foldBatch, mergeDelta, type RollupDelta } from "./rollup.ts";
import { makeCall } from "../testing/make-call.ts";

const DAY = Date.UTC(2026, 2, 10);
const allRow = (deltas: RollupDelta[]) => deltas.find((d) => d.dim === "all")!;

describe("rollup folding", () => {
  it("gives a day the same cost whatever order and batches its calls are folded in", () => {
    // prices of a few tokens each: float sums of these differ in their last bits with the order they are taken in
    const costs = Array.from({ length: 400 }, (_, i) => ((i * 7919) % 1000) * 1.5e-7 + ((i * 104_729) % 97) * 6e-7 + 3.75e-8);
    const rows = costs.map((costUSD, i) => toCallRow(makeCall({ startedAt: DAY + i * 1000, costUSD }), 0));
    const whole = allRow(foldBatch(rows)).costUSD;
    const reversed = allRow(foldBatch([...rows].reverse())).costUSD;
    // ingest's way: batches of 25, each merged into the row the earlier ones left
    const batched = Array.from({ length: 16 }, (_, b) => allRow(foldBatch(rows.slice(b * 25, b * 25 + 25)))).reduce((into, d) => mergeDelta(into, d));
    expect(reversed).toBe(whole);
    expect(batched.costUSD).toBe(whole);
    // each call's cost loses under half a nano-dollar
    expect(Math.abs(whole - costs.reduce((s, c) => s + c, 0))).toBeLessThanOrEqual(costs.length * 0.5e-9);
  });
});
