import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JitterView } from "./jitter-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";

describe("latency jitter view", () => {
  it("plots each model's latency and TTFT with p50/p95 and marks outliers", async () => {
    const user = userEvent.setup();
    const durations = [100, 110, 120, 105, 115, 2000];
    const calls = durations.map((d) => makeCall({ model: "steady", timing: { durationMs: d, ttftMs: d / 2 } }));
    calls.push(makeCall({ model: "other", timing: { durationMs: 50, ttftMs: 10 } }));
    const onOpenCall = vi.fn();
    renderWithStore(<JitterView onOpenCall={onOpenCall} />, calls);
    const steady = screen.getByRole("region", { name: "Latency of steady" });
    const total = within(steady).getByRole("img", { name: /^Total latency/ });
    // sorted 100 105 110 115 120 2000: p50 is 112.5; p95 interpolates 120 → 2000 at 0.75
    expect(total).toHaveAccessibleName("Total latency: p50 113 ms, p95 1.53 s, 1 outliers");
    expect(within(steady).getByRole("img", { name: /^Time to first token/ })).toHaveAccessibleName(/1 outliers/);
    const outliers = total.querySelectorAll(".dot-out");
    expect(outliers).toHaveLength(1);
    expect(total.querySelectorAll(".dot")).toHaveLength(6);
    await user.click(outliers[0]!);
    expect(onOpenCall).toHaveBeenCalledWith(calls[5]!.id);
    expect(screen.getByRole("region", { name: "Latency of other" })).toBeInTheDocument();
  });

  it("leaves failed calls out and says so when nothing finished", () => {
    renderWithStore(<JitterView onOpenCall={() => {}} />, [makeCall({ error: { kind: "network", message: "x" } })]);
    expect(screen.getByText("Latency appears here once calls finish.")).toBeInTheDocument();
  });
});
