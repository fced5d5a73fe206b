import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { IngestedCall } from "./call-store.ts";
import { median } from "./median.ts";
import { advanceTokenWindow } from "./token-window.ts";
import { makeCall } from "../testing/make-call.ts";

const ingested = (totals: number[], t0 = 0): IngestedCall[] =>
  totals.map((totalTokens, i) => ({ call: makeCall({ startedAt: t0 + i }), promptKey: "p", totalTokens }));

describe("advanceTokenWindow", () => {
  it("gives each call the median of the window before it, in time order, and keeps the last `size`", () => {
    const calls = ingested([100, 300, 200, 900, 50]);
    const window = advanceTokenWindow([10, 20], [...calls].reverse(), 3);
    expect(calls.map((c) => c.tokenBaseline)).toEqual([
      { median: 15, samples: 2 },
      { median: 20, samples: 3 },
      { median: 100, samples: 3 },
      { median: 200, samples: 3 },
      { median: 300, samples: 3 },
    ]);
    expect(window).toEqual([200, 900, 50]);
  });

  it("agrees with sorting the window afresh for every call", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 })), fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (start, totals, size) => {
        const calls = ingested(totals);
        const window = advanceTokenWindow([...start], calls, size);
        const naive = [...start];
        calls.forEach((c, i) => {
          expect(c.tokenBaseline).toEqual(naive.length ? { median: median(naive), samples: naive.length } : undefined);
          naive.push(totals[i]!);
          naive.splice(0, Math.max(0, naive.length - size));
        });
        expect(window).toEqual(naive);
      }),
    );
  });
});
