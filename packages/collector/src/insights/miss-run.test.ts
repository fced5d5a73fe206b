import { describe, expect, it } from "vitest";
import { longestMissRun, missRunChance, missRunInto, runStillGoing, type CacheRead } from "./miss-run.ts";

const reads = (pattern: string, from = 0): CacheRead[] => [...pattern].map((c, i) => ({ at: from + i, hit: c === "+", extra: c === "+" ? 0 : 1 }));

describe("miss runs", () => {
  it("finds the longest run of misses, and the longest that reaches into a window", () => {
    const calls = reads("+--+---+--");
    expect(longestMissRun(calls)).toBe(3);
    // from the call at 8 on only the last run reaches in
    expect(missRunInto(calls, 8).map((r) => r.at)).toEqual([8, 9]);
    // a run that began before the window counts whole
    expect(missRunInto(calls, 6).map((r) => r.at)).toEqual([4, 5, 6]);
  });

  it("gives a run's chance among calls that hit independently", () => {
    // six misses in a row at an 85% hit share, among six calls: about one in a hundred thousand
    expect(missRunChance(6, 0.85, 6)).toBeLessThan(1e-4);
    // two in a row among twenty is ordinary
    expect(missRunChance(20, 0.85, 2)).toBeGreaterThan(0.1);
  });

  it("tells a run still going at the last call from one a hit ended", () => {
    const going = reads("+--+---");
    expect(runStillGoing(missRunInto(going, 4), going)).toBe(true);
    const ended = reads("+---+-+");
    expect(runStillGoing(missRunInto(ended, 1), ended)).toBe(false);
    expect(runStillGoing([], reads("++"))).toBe(false);
  });
});
