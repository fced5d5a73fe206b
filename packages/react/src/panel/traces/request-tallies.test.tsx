import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { computeRequestTallies } from "./request-tallies.ts";
import { RequestTalliesCards } from "./request-tallies-cards.tsx";
import { renderWithStore } from "../../test-support/render-with-store.tsx";
import { agentTrace } from "../../test-support/agent-trace.ts";
import { makeTrace } from "../../test-support/make-trace.ts";

function threeRequests() {
  const a = agentTrace({ id: "a" }).trace;
  const b = { ...agentTrace({ id: "b" }).trace, durationMs: 600 };
  b.summary = { ...b.summary!, costUSD: 0.0003, calls: 1, llmMs: 500, retrievalMs: 0, toolMs: 0, preprocessMs: 0, httpMs: 0, selfMs: 100 };
  const running = agentTrace({ id: "c", live: true }).trace;
  return [a, b, running];
}

describe("per-request tallies", () => {
  it("counts finished requests, their cost and time, and each kind's share of their time", () => {
    const t = computeRequestTallies(threeRequests());
    expect(t.requests).toBe(2);
    expect(t.running).toBe(1);
    expect(t.costPerRequest).toBeCloseTo(0.0006, 10);
    expect(t.callsPerRequest).toBe(2);
    // interpolated between the two requests' 600 ms and 2400 ms, as the per-call figures are
    expect([t.duration.p50, t.duration.p95]).toEqual([1500, 2310]);
    // llm 1800 + 500 of 2400 + 600 all told
    expect(t.share.llm).toBeCloseTo(2300 / 3000, 10);
    expect(t.share.self).toBeCloseTo(200 / 3000, 10);
    expect(computeRequestTallies([makeTrace({ durationMs: undefined })]).requests).toBe(0);
  });

  it("shows the cards once there are requests, and nothing before", () => {
    const empty = renderWithStore(<RequestTalliesCards />, []);
    expect(empty.container.textContent).toBe("");
    empty.unmount();
    renderWithStore(<RequestTalliesCards />, [], undefined, threeRequests());
    expect(screen.getByRole("group", { name: "Requests" }).textContent).toContain("1 running");
    expect(screen.getByRole("group", { name: "Cost per request" }).textContent).toContain("$0.00060");
    expect(screen.getByRole("group", { name: "Request time by kind" }).textContent).toContain("LLM 77%");
  });
});
