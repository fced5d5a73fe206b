import { describe, expect, it } from "vitest";
import type { DayRow, KeyDays } from "./daily-series.ts";
import { baselineOf } from "./daily-series.ts";
import { sustainedLevel } from "./sustained-level.ts";

const FIRST = Date.UTC(2026, 0, 5) / 86_400_000;
const TODAY = FIRST + 28;

/** a prompt of 300 calls a day whose tokens per request are `perRequest(day)` */
function promptDays(perRequest: (day: number) => number): KeyDays {
  const days: KeyDays = new Map();
  for (let d = FIRST; d <= TODAY; d++) {
    const tokens = Math.round(300 * perRequest(d));
    days.set(d, { period: "", key: "p", calls: 300, inputTokens: tokens, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {} } satisfies DayRow);
  }
  days.dataFrom = FIRST;
  days.firstSeen = FIRST;
  return days;
}

const wobble = (d: number) => 1000 * (1 + ((d * 7) % 5) / 100);
const level = (days: KeyDays) => sustainedLevel(days, "tokensPerRequest", TODAY, 28, baselineOf(days, "tokensPerRequest", TODAY, 28)!, 1, undefined, 6);

describe("sustainedLevel", () => {
  it("takes a change that held since the days before as the new level", () => {
    const days = promptDays((d) => wobble(d) * (d >= TODAY - 3 ? 2 : 1));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1900);
    expect(held.expected).toBeLessThan(2200);
  });

  it("takes no level from a change still climbing a step a day: the drift is news once it gets far enough", () => {
    // +14% a day for two days: neither was far enough out (a change worth attention, 30%) to be news itself
    const days = promptDays((d) => wobble(d) * (d > TODAY - 3 ? 1 + 0.14 * (d - (TODAY - 3)) : 1));
    expect(level(days)).toBeUndefined();
  });

  it("judges a climb already far enough out on a recent day against where it got to", () => {
    // +25% a day: yesterday's +75% was news; today's next step is judged from there
    const days = promptDays((d) => wobble(d) * (d > TODAY - 4 ? 1 + 0.25 * (d - (TODAY - 4)) : 1));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1700);
    expect(held.expected).toBeLessThan(1850);
  });

  it("the day after a climb stops, holds at where it got to, not the middle of its way up", () => {
    const days = promptDays((d) => wobble(d) * (d > TODAY - 4 ? 1 + 0.25 * Math.min(3, d - (TODAY - 4)) : 1));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1650);
    expect(held.expected).toBeLessThan(1850);
  });

  it("after a climb, holds at the days that stayed where it got to, not the middle of its way up", () => {
    // +25% a day for four days, then two days at +100%: today's +130% (a pasted log on top) is +15% on that level
    const step = (d: number) => (d < TODAY - 6 ? 1 : 1 + 0.25 * Math.min(4, d - (TODAY - 7)));
    const days = promptDays((d) => wobble(d) * (d === TODAY ? 2.3 : step(d)));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1950);
    expect(held.expected).toBeLessThan(2150);
  });

  it("judges a climb that set out from a level held before it from there: a newer change on top of a drift's level", () => {
    // doubled for a week, then +10% and +22% on it (a new snapshot's longer answers, news on the snapshot)
    const days = promptDays((d) => wobble(d) * (d === TODAY ? 2.45 : d === TODAY - 1 ? 2.2 : d >= TODAY - 8 ? 2 : 1));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1950);
    expect(held.expected).toBeLessThan(2150);
  });

  it("takes no level from a drift's first days that were never news, once today moves on from them", () => {
    // +20% on the two working days before (never reported: short of a change worth attention), then a weekend without
    // calls enough to read, and today +45%: against those days' level short of the threshold, and a change nobody was told of
    const days = promptDays((d) => wobble(d) * (d === TODAY - 4 || d === TODAY - 3 ? 1.2 : d === TODAY ? 1.45 : 1));
    for (const d of [TODAY - 2, TODAY - 1]) days.set(d, { ...days.get(d)!, calls: 4, inputTokens: 4000 });
    expect(level(days)).toBeUndefined();
  });

  it("still holds at a drift's untold days where today stays with them", () => {
    const days = promptDays((d) => wobble(d) * (d === TODAY - 4 || d === TODAY - 3 || d === TODAY ? 1.2 : 1));
    for (const d of [TODAY - 2, TODAY - 1]) days.set(d, { ...days.get(d)!, calls: 4, inputTokens: 4000 });
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1150);
    expect(held.expected).toBeLessThan(1300);
  });

  it("holds at a level whose recent days were each far out, though none of them was told (its first day was left to the few-calls check)", () => {
    // doubled for five days, today +150%: the change is days old, not a drift nobody heard of
    const days = promptDays((d) => wobble(d) * (d === TODAY ? 2.5 : d >= TODAY - 5 ? 2 : 1));
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1900);
    expect(held.expected).toBeLessThan(2200);
  });

  it("holds a p95 that moves on from a day it had moved a little: most often a change told elsewhere (a new snapshot's longer answers)", () => {
    const days = promptDays(() => 1000);
    for (const [d, row] of days) row.latencyP95Ms = 10_000 * (1 + ((d * 7) % 5) / 100) * (d === TODAY ? 1.6 : d === TODAY - 1 ? 1.2 : 1);
    const base = baselineOf(days, "latencyP95", TODAY, 28)!;
    const held = sustainedLevel(days, "latencyP95", TODAY, 28, base, 1, 60, 6)!;
    expect(held.expected).toBeGreaterThan(11_500);
    expect(held.expected).toBeLessThan(12_800);
  });

  it("looks past days with too few calls to read a rate: a weekend and a public holiday after the change", () => {
    const days = promptDays((d) => wobble(d) * (d >= TODAY - 5 ? 2 : 1));
    for (let d = TODAY - 3; d < TODAY; d++) {
      const quiet = days.get(d)!;
      days.set(d, { ...quiet, calls: 4, inputTokens: Math.round((quiet.inputTokens / quiet.calls) * 4) });
    }
    const held = level(days)!;
    expect(held.expected).toBeGreaterThan(1900);
    expect(held.expected).toBeLessThan(2200);
  });
});
