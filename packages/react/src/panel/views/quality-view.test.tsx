import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QualityView } from "./quality-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";

describe("Quality view", () => {
  it("shows recorded scores, the distribution, the lowest calls and the share of 👍", async () => {
    const calls = [
      makeCall({ id: "a", quality: { relevance: 90, coherence: 100, average: 95 }, feedback: { score: 1, at: 1 } }),
      makeCall({ id: "b", quality: { relevance: 20, coherence: 40, average: 30 }, feedback: { score: -1, at: 1 } }),
      makeCall({ id: "c", quality: { relevance: 80, coherence: 60, accuracy: 70, average: 70 }, feedback: { score: 1, at: 1 } }),
    ];
    const opened: string[] = [];
    renderWithStore(<QualityView onOpenCall={(id) => opened.push(id)} />, calls);
    expect(within(screen.getByRole("group", { name: "Average quality" })).getByText("65")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Relevance" })).getByText("63")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Accuracy" })).getByText("70")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Satisfaction" })).getByText("👍 2 · 👎 1")).toBeInTheDocument();
    const bands = screen.getByRole("figure", { name: "Distribution of average quality" }).querySelectorAll(".q-hist-col");
    expect([...bands].map((b) => b.getAttribute("title"))).toContain("30–39: 1 calls");
    expect([...bands].map((b) => b.getAttribute("title"))).toContain("90–100: 1 calls");
    const lowest = screen.getByRole("region", { name: "Lowest-scoring calls" });
    await userEvent.setup().click(within(lowest).getAllByRole("button")[0]!);
    expect(opened).toEqual(["b"]);
  });

  it("scores unscored calls with the built-in heuristics", () => {
    const call = makeCall({
      prompt: { messages: [{ role: "user", content: "What is the capital of France?" }], text: "What is the capital of France?" },
      completion: { text: "Paris is the capital of France.", finishReason: "stop" },
    });
    renderWithStore(<QualityView onOpenCall={() => {}} />, [call]);
    expect(within(screen.getByRole("group", { name: "Average quality" })).getByText("100")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Accuracy" })).getByText("—")).toBeInTheDocument();
  });

  it("explains itself with nothing to score", () => {
    renderWithStore(<QualityView onOpenCall={() => {}} />, [makeCall({ completion: { text: "" }, error: { kind: "server", message: "x" } })]);
    expect(screen.getByText(/are scored here/)).toBeInTheDocument();
  });
});
