import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { TalliesView } from "./tallies-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";

const card = (name: string) => screen.getByRole("group", { name });

describe("session tallies", () => {
  it("totals calls, tokens, cost and errors by kind, and summarizes latency over answered calls", () => {
    const calls = [
      makeCall({ model: "m1", usage: { inputTokens: 100, outputTokens: 50, source: "provider" }, timing: { durationMs: 100, ttftMs: 40 } }),
      makeCall({ model: "m1", usage: { inputTokens: 200, outputTokens: 50, source: "provider" }, timing: { durationMs: 300, ttftMs: 60 } }),
      makeCall({ model: "m2", usage: { inputTokens: 300, outputTokens: 100, source: "provider" }, timing: { durationMs: 500, ttftMs: 80 } }),
      makeCall({ model: "m2", error: { kind: "rate_limit", message: "x" }, timing: { durationMs: 5 }, cost: undefined, usage: { source: "estimated" } }),
      makeCall({ model: "m2", error: { kind: "rate_limit", message: "x" }, timing: { durationMs: 5 }, cost: undefined, usage: { source: "estimated" } }),
      makeCall({ model: "m2", error: { kind: "timeout", message: "x" }, timing: { durationMs: 5 }, cost: undefined, usage: { source: "estimated" } }),
      makeCall({ phase: "streaming", usage: { inputTokens: 9999, source: "estimated" } }),
    ];
    renderWithStore(<TalliesView />, calls);
    expect(card("Calls")).toHaveTextContent("6");
    expect(card("Input tokens")).toHaveTextContent("600");
    expect(card("Output tokens")).toHaveTextContent("200");
    expect(card("Cost")).toHaveTextContent("$0.0090");
    expect(card("Errors")).toHaveTextContent("3");
    expect(card("Errors")).toHaveTextContent("rate_limit 2 · timeout 1");
    expect(card("Latency p50 / p95")).toHaveTextContent("300 ms / 480 ms");
    expect(card("TTFT p50 / p95")).toHaveTextContent("60 ms / 78 ms");
    // population std of 100, 300, 500 is 163.3; CV = 163.3 / 300
    expect(card("Jitter")).toHaveTextContent("σ 163 ms");
    expect(card("Jitter")).toHaveTextContent("CV 54%");
    const m2 = screen.getByRole("row", { name: /^m2/ });
    expect(within(m2).getAllByRole("cell").map((c) => c.textContent)).toEqual(["4", "300 / 100", "$0.0030", "500 ms / 500 ms", "80 ms", "—", "3"]);
  });

  it("shows output speed in tokens per second", () => {
    renderWithStore(<TalliesView />, [makeCall({ usage: { inputTokens: 1, outputTokens: 100, source: "provider" }, timing: { durationMs: 1100, ttftMs: 100 } })]);
    expect(card("Tokens / s")).toHaveTextContent("100.0");
  });
});
