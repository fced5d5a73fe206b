import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { outputDispersion } from "@llmscope/core";
import { VarianceView } from "./variance-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";

describe("same prompt, different answers", () => {
  it("groups calls by fingerprint, most varied first, with answers side by side", () => {
    const stable = ["the sky is blue", "the sky is blue"].map((text) => makeCall({ fingerprint: "stable", completion: { text } }));
    const wandering = ["paris is the capital", "i think it is lyon", "bonjour"].map((text) => makeCall({ fingerprint: "wander", completion: { text } }));
    const single = makeCall({ fingerprint: "once" });
    renderWithStore(<VarianceView onOpenCall={() => {}} />, [...stable, ...wandering, single]);
    const groups = screen.getAllByRole("region");
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["Prompt pattern wander", "Prompt pattern stable"]);
    const expected = outputDispersion(["paris is the capital", "i think it is lyon", "bonjour"]).score.toFixed(2);
    expect(within(groups[0]!).getByLabelText(`variance score ${expected}`)).toBeInTheDocument();
    expect(within(groups[1]!).getByLabelText("variance score 0.00")).toBeInTheDocument();
    expect(groups[0]!.querySelectorAll(".answer")).toHaveLength(3);
    expect(groups[0]).toHaveTextContent("i think it is lyon");
  });

  it("marks the answer that stands apart from the others", () => {
    const same = "The capital of France is Paris.";
    const texts = [same, same, "Bananas are rich in potassium and grow in clusters.", same, same];
    const calls = texts.map((text, i) => makeCall({ id: `v${i}`, fingerprint: "capital", completion: { text } }));
    renderWithStore(<VarianceView onOpenCall={() => {}} />, calls);
    const group = screen.getByRole("region", { name: "Prompt pattern capital" });
    const marked = [...group.querySelectorAll(".answer-outlier")];
    expect(marked).toHaveLength(1);
    expect(marked[0]).toHaveTextContent("Bananas");
    expect(within(marked[0] as HTMLElement).getByText("outlier")).toBeInTheDocument();
  });

  it("shows the latest four answers and all on request", async () => {
    const user = userEvent.setup();
    const calls = Array.from({ length: 6 }, (_, i) => makeCall({ fingerprint: "many", completion: { text: `answer number ${i}` } }));
    renderWithStore(<VarianceView onOpenCall={() => {}} />, calls);
    const group = screen.getByRole("region", { name: "Prompt pattern many" });
    expect(group.querySelectorAll(".answer")).toHaveLength(4);
    await user.click(within(group).getByRole("button", { name: "Show all 6 answers" }));
    expect(group.querySelectorAll(".answer")).toHaveLength(6);
  });

  it("explains itself when no prompt was sent twice", () => {
    renderWithStore(<VarianceView onOpenCall={() => {}} />, [makeCall()]);
    expect(screen.getByText(/send the same prompt twice/)).toBeInTheDocument();
  });
});
