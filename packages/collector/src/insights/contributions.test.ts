import { describe, expect, it } from "vitest";
import { contributionsOf } from "./contributions.ts";
import type { DailySeries, DayRow } from "./daily-series.ts";

const DAY = 20_000;
const HISTORY = 28;

function row(calls: number, costPerCall: number, latencyP95Ms = 1000): DayRow {
  return { period: "", key: "", calls, inputTokens: calls * 100, outputTokens: calls * 100, costUSD: calls * costPerCall, errors: 0, errorsByKind: {}, latencyP95Ms, ttftP95Ms: latencyP95Ms / 2 };
}

/** each key's calls and cost a call on every history day (with a small wobble), then on the day */
function series(keys: Record<string, { history?: [calls: number, cost: number, latency?: number]; today?: [calls: number, cost: number, latency?: number] }>): DailySeries {
  const out: DailySeries = new Map();
  for (const [key, { history, today }] of Object.entries(keys)) {
    const days = new Map<number, DayRow>();
    if (history) for (let d = DAY - HISTORY; d < DAY; d++) days.set(d, row(history[0] + ((d * 7) % 5) - 2, history[1], history[2]));
    if (today) days.set(DAY, row(...today));
    out.set(key, days);
  }
  return out;
}

const byKey = (list: ReturnType<typeof contributionsOf>) => new Map(list.map((c) => [c.key, c]));

describe("contributionsOf", () => {
  it("credits a rise in cost per request to the model that took over the traffic, not to the one it replaced", () => {
    // 200 calls a day: 100 on a cheap model, 100 on a mid one; today the cheap one's traffic moves to an expensive new model
    const s = series({
      cheap: { history: [100, 0.001], today: [0, 0] },
      mid: { history: [100, 0.004], today: [100, 0.004] },
      expensive: { today: [100, 0.02] },
    });
    // it served a little traffic on two earlier days, so it has a usual price of its own that did not change
    s.get("expensive")!.set(DAY - 9, row(30, 0.02)).set(DAY - 2, row(30, 0.02));
    const c = byKey(contributionsOf(s, "costPerRequest", DAY, HISTORY));
    // overall: ~0.0025 → 0.012 a call; all of the rise is the new model's
    const total = [...c.values()].reduce((a, k) => a + k.contribution, 0);
    expect(total).toBeCloseTo(0.012 - 0.0025, 3);
    expect(c.get("expensive")!.contribution / total).toBeGreaterThan(0.95);
    expect(Math.abs(c.get("cheap")!.contribution)).toBeLessThan(0.05 * total);
    expect(Math.abs(c.get("mid")!.contribution)).toBeLessThan(0.05 * total);
  });

  it("shows a key new today against the traffic it replaced", () => {
    const s = series({ cheap: { history: [100, 0.001], today: [0, 0] }, fresh: { today: [100, 0.02] } });
    expect(byKey(contributionsOf(s, "costPerRequest", DAY, HISTORY)).get("fresh")!.before).toBeCloseTo(0.001, 6);
  });

  it("splits a price rise within unchanged traffic by each key's own change", () => {
    const s = series({ a: { history: [100, 0.001], today: [100, 0.003] }, b: { history: [100, 0.002], today: [100, 0.002] } });
    const c = byKey(contributionsOf(s, "costPerRequest", DAY, HISTORY));
    expect(c.get("a")!.contribution).toBeCloseTo(0.5 * 0.002, 6);
    expect(c.get("b")!.contribution).toBeCloseTo(0, 6);
  });

  it("does not credit the ordinary day-to-day wobble in traffic mix", () => {
    // a few calls more on the pricier key, well within chance: no mix shift is counted
    const s = series({ a: { history: [100, 0.001], today: [104, 0.001] }, b: { history: [100, 0.01], today: [96, 0.01] } });
    for (const k of contributionsOf(s, "costPerRequest", DAY, HISTORY)) expect(k.contribution).toBeCloseTo(0, 9);
  });

  it("gives percentiles relative shifts, so a fast model tripling outweighs a slow one's small rise", () => {
    const s = series({ fast: { history: [100, 0.001, 500], today: [100, 0.001, 1500] }, slow: { history: [100, 0.001, 10_000], today: [100, 0.001, 11_000] } });
    const c = byKey(contributionsOf(s, "latencyP95", DAY, HISTORY));
    expect(c.get("fast")!.contribution).toBeCloseTo(0.5 * 2, 6);
    expect(c.get("slow")!.contribution).toBeCloseTo(0.5 * 0.1, 6);
    expect(c.get("fast")!.z).toBeGreaterThan(3);
  });

  it("splits volume additively, each key by its own excess over its baseline", () => {
    const s = series({ loop: { history: [10, 0.001], today: [510, 0.001] }, rest: { history: [200, 0.001], today: [200, 0.001] } });
    const c = byKey(contributionsOf(s, "calls", DAY, HISTORY));
    expect(c.get("loop")!.contribution).toBeCloseTo(500, -1);
    expect(Math.abs(c.get("rest")!.contribution)).toBeLessThan(5);
    expect(c.get("loop")!.baselineShare).toBeCloseTo(10 / 210, 2);
  });

  it("sets keys against the day itself when there is no history at all", () => {
    // a store's first day: one prompt costs four times what the other does per call
    const s = series({ pricey: { today: [20, 0.004] }, cheap: { today: [80, 0.001] } });
    const c = byKey(contributionsOf(s, "costPerRequest", DAY, HISTORY));
    // the day's level is 0.0016 a call: the pricey prompt is above it, the cheap one below
    expect(c.get("pricey")!.before).toBeCloseTo(0.0016, 6);
    expect(c.get("pricey")!.contribution).toBeGreaterThan(0);
    expect(c.get("cheap")!.contribution).toBeLessThan(0);
  });
});
