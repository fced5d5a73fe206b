import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { QualityScores } from "./quality-scores.tsx";
import { QualityCell } from "../list/quality-cell.tsx";
import { makeCall } from "../../test-support/make-call.ts";

describe("quality in the list and the detail", () => {
  it("shows recorded components and their average", () => {
    const call = makeCall({ quality: { relevance: 80, safety: 100, accuracy: 40, average: 73.3 } });
    render(<QualityScores call={call} />);
    expect(screen.getByRole("group", { name: "Relevance 80" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Accuracy 40" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Average 73" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /Coherence/ })).toBeNull();
    expect(screen.getByText("Scores recorded with the call.")).toBeInTheDocument();
  });

  it("marks scores the devtools computed, in the cell and in the detail", () => {
    const call = makeCall({
      prompt: { messages: [{ role: "user", content: "Explain photosynthesis" }], text: "Explain photosynthesis" },
      completion: { text: "Bananas are yellow.", finishReason: "stop" },
    });
    const { container } = render(<QualityCell call={call} />);
    // relevance 0, coherence 100, safety 100
    expect(screen.getByLabelText("quality 67")).toHaveClass("q-fair");
    expect(container.querySelector(".est")).not.toBeNull();
    render(<QualityScores call={call} />);
    expect(screen.getByRole("group", { name: "Relevance 0" })).toBeInTheDocument();
    expect(screen.getByText(/Computed here by the built-in heuristics/)).toBeInTheDocument();
  });

  it("has nothing to show for a failed call", () => {
    render(<QualityCell call={makeCall({ completion: { text: "" }, error: { kind: "rate_limit", message: "x" } })} />);
    expect(screen.getByText("–")).toBeInTheDocument();
  });
});
