import { describe, expect, it } from "vitest";
import { agentRows, callRow, stepRow, T0 } from "../../test-support/trace-fixture.ts";
import { waterfallLayout } from "./waterfall-layout.ts";

describe("waterfall layout", () => {
  it("places every row on the trace's time axis in the collector's order", () => {
    const { bars, spanMs, originMs } = waterfallLayout({ rows: agentRows(), startedAt: T0, endedAt: T0 + 1000 });
    expect(bars.map((b) => [b.row.id, b.start, b.end])).toEqual([
      ["agent", 0, 1000],
      ["search", 50, 250],
      ["c1", 300, 600],
      ["get_weather", 620, 700],
      ["c2", 720, 950],
    ]);
    expect([originMs, spanMs]).toEqual([T0, 1000]);
  });

  it("draws an LLM call's wait, first token and streaming at the call's place on the axis; a step has no phases", () => {
    const bars = waterfallLayout({ rows: agentRows(), startedAt: T0, endedAt: T0 + 1000 }).bars;
    expect(bars[2]!.phases.map((p) => [p.className, p.from, p.to])).toEqual([
      ["ph-wait", 300, 360],
      ["ph-think", 360, 400],
      ["ph-stream", 400, 600],
    ]);
    expect(bars[1]!.phases).toEqual([]);
  });

  it("leaves out the first-token phase of a call that has none, and clamps phases inside the call", () => {
    const plain = waterfallLayout({ rows: [callRow("plain", 0, { durationMs: 200, ttfbMs: 150 })], startedAt: T0, endedAt: T0 + 200 }).bars[0]!;
    expect(plain.phases.map((p) => [p.className, p.from, p.to])).toEqual([["ph-wait", 0, 150], ["ph-stream", 150, 200]]);
    const odd = waterfallLayout({ rows: [callRow("odd", 0, { durationMs: 100, ttfbMs: 300, ttftMs: 50 })], startedAt: T0, endedAt: T0 + 100 }).bars[0]!;
    expect(odd.phases.map((p) => [p.from, p.to])).toEqual([[0, 100]]);
  });

  it("moves the origin back to a row a clock put before the trace, and stretches the axis to a row that ends after it", () => {
    const rows = [stepRow("early", "http", -50, 100, 0), callRow("late", 900, { durationMs: 400 }, 0)];
    const layout = waterfallLayout({ rows, startedAt: T0, endedAt: T0 + 1000 });
    expect(layout.originMs).toBe(T0 - 50);
    expect(layout.bars.map((b) => [b.start, b.end])).toEqual([[0, 100], [950, 1350]]);
    expect(layout.spanMs).toBe(1350);
  });

  it("draws a row still without a duration as a point at its start", () => {
    const bar = waterfallLayout({ rows: [stepRow("open", "custom", 40, undefined, 0)], startedAt: T0, endedAt: T0 + 100 }).bars[0]!;
    expect([bar.start, bar.end, bar.phases.length]).toEqual([40, 40, 0]);
  });
});
