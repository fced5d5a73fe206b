import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TokensView } from "./tokens-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";

describe("tokens view", () => {
  it("diagnoses context bloat when input dominates and grows", () => {
    const calls = [100, 200, 400, 800, 1600].map((input, i) =>
      makeCall({ startedAt: i, fingerprint: `f${i}`, usage: { inputTokens: input, outputTokens: 20, source: "provider" } }),
    );
    renderWithStore(<TokensView onOpenCall={() => {}} />, calls);
    expect(screen.getByRole("status")).toHaveTextContent(/^context bloat/i);
  });

  it("diagnoses verbose output when answers dominate", () => {
    const calls = [1, 2, 3].map((i) => makeCall({ startedAt: i, usage: { inputTokens: 50, outputTokens: 900, source: "provider" } }));
    renderWithStore(<TokensView onOpenCall={() => {}} />, calls);
    expect(screen.getByRole("status")).toHaveTextContent(/^verbose output/i);
  });

  it("warns about a call above 150% of its prompt pattern's median and opens it", async () => {
    const user = userEvent.setup();
    const onOpenCall = vi.fn();
    const normal = [1, 2, 3, 4].map((i) => makeCall({ startedAt: i, fingerprint: "same", usage: { inputTokens: 100, outputTokens: 50, source: "provider" } }));
    const spike = makeCall({ startedAt: 5, fingerprint: "same", model: "spiky", usage: { inputTokens: 400, outputTokens: 50, source: "provider" } });
    renderWithStore(<TokensView onOpenCall={onOpenCall} />, [...normal, spike]);
    const warnings = screen.getByRole("list", { name: "Token spikes" });
    const items = within(warnings).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("3.0×");
    expect(items[0]).toHaveTextContent("used 450 tokens; calls with the same prompt pattern use a median of 150.");
    await user.click(within(items[0]!).getByRole("button", { name: /spiky/ }));
    expect(onOpenCall).toHaveBeenCalledWith(spike.id);
    const chart = screen.getByRole("img", { name: "Tokens for the last 5 calls" });
    expect(chart.querySelectorAll(".bar-flag")).toHaveLength(1);
  });

  it("totals input and output per session", () => {
    const calls = [
      makeCall({ sessionId: "s1", usage: { inputTokens: 30, outputTokens: 10, source: "provider" } }),
      makeCall({ sessionId: "s1", usage: { inputTokens: 30, outputTokens: 30, source: "provider" } }),
      makeCall({ sessionId: "s2", usage: { inputTokens: 5, outputTokens: 15, source: "provider" } }),
    ];
    renderWithStore(<TokensView onOpenCall={() => {}} />, calls);
    expect(within(screen.getByRole("row", { name: /^s1/ })).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "60", "40", "60%"]);
    expect(within(screen.getByRole("row", { name: /^s2/ })).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1", "5", "15", "25%"]);
  });
});
