import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../cli/report/build-report.ts";
import { renderTerminal } from "../cli/report/render-terminal.ts";
import { buildOptimization } from "../insights/optimize/build-optimization.ts";
import { makeCall } from "../testing/make-call.ts";
import { makeTrace } from "../testing/make-trace.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { requestSummary } from "./request-summary.ts";

const T = Date.UTC(2026, 2, 4, 10);
let temp: TempStore;
afterEach(() => temp.close());

describe("requests in the reports", () => {
  it("counts a trace as one request and a call outside any trace as one, overall and per feature", async () => {
    temp = openTempStore();
    const traced = [0, 1, 2].map((i) => makeTrace({ startedAt: T + i * 1000, costUSD: 0.04, tags: { feature: "search" } }));
    const loose = [makeCall({ startedAt: T, costUSD: 0.01, tags: { feature: "chat" } }), makeCall({ startedAt: T + 5, costUSD: 0.03, tags: { feature: "chat" } })];
    await temp.store.ingest([...traced.flatMap((t) => t.calls), ...loose], T);
    await temp.store.traces.ingest(traced.map((t) => t.trace), T);
    const from = T - 3_600_000;
    const to = T + 3_600_000;
    const summary = await requestSummary(temp.store, from, to, ["search", "chat"]);
    expect(summary).toMatchObject({ requests: 5, traces: 3 });
    expect(summary.costPerRequest).toBeCloseTo(0.16 / 5, 9);
    expect(summary.byFeature.map((f) => [f.key, f.requests, f.traces])).toEqual([["search", 3, 3], ["chat", 2, 0]]);
    expect(summary.byFeature[0]!.costPerRequest).toBeCloseTo(0.04, 9);

    const text = renderTerminal(await buildReport(temp.store, from, to));
    expect(text).toContain("5 requests (3 traced, the rest single calls) · $0.03 per request");
    expect(text).toMatch(/Cost per request by feature\n.*\n.*\nsearch\s+3\s+3\s+\$0\.12\s+\$0\.04\n\s*chat\s+2\s+0\s+\$0\.04\s+\$0\.02/);
    expect(await buildOptimization(temp.store, from, to)).toMatchObject({ calls: 14, requests: 5 });
  });
});
