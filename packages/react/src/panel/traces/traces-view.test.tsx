import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { TracesView } from "./traces-view.tsx";
import { renderWithStore } from "../../test-support/render-with-store.tsx";
import { agentTrace } from "../../test-support/agent-trace.ts";
import { makeTrace } from "../../test-support/make-trace.ts";
import { upsertTraces } from "../../store/trace-store.ts";

function setup() {
  const agent = agentTrace();
  const older = makeTrace({ name: "summarize-doc", startedAt: agent.trace.startedAt - 60_000 });
  const onOpenCall = vi.fn();
  const view = renderWithStore(<TracesView onOpenCall={onOpenCall} />, agent.calls, undefined, [older, agent.trace]);
  return { ...view, agent, onOpenCall };
}

describe("TracesView", () => {
  it("lists requests newest first with their figures and time by kind", () => {
    setup();
    const rows = within(screen.getByRole("listbox", { name: "Requests" })).getAllByRole("option");
    expect(rows.map((r) => r.querySelector(".t-name")?.textContent)).toEqual(["answer-question", "summarize-doc"]);
    expect(rows[0]!.textContent).toContain("2.40 s");
    expect(rows[0]!.textContent).toContain("300 → 120");
    expect(within(rows[0]!).getByRole("img").getAttribute("aria-label")).toBe(
      "Time by kind: LLM 1.80 s, retrieval 120 ms, tool 200 ms, preprocess 180 ms, app's own 100 ms",
    );
  });

  it("filters by step name and says how many match", () => {
    setup();
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter requests" }), { target: { value: "vector" } });
    expect(within(screen.getByRole("listbox", { name: "Requests" })).getAllByRole("option")).toHaveLength(1);
    expect(screen.getByText("1 of 2")).toBeTruthy();
  });

  it("opens the waterfall from the keyboard, flags the loop and opens a call", () => {
    const { onOpenCall } = setup();
    const list = screen.getByRole("listbox", { name: "Requests" });
    fireEvent.keyDown(list, { key: "Enter" });
    const detail = screen.getByRole("article", { name: /^Request answer-question/ });
    expect(within(detail).getByRole("note").textContent).toContain("2 repeated tool calls");
    const steps = within(detail).getByRole("listbox", { name: "Steps of answer-question" });
    const options = within(steps).getAllByRole("option");
    expect(options).toHaveLength(7);
    expect(options[3]!.getAttribute("aria-label")).toContain('TOOL get_weather, starts at +900 ms, took 100 ms, arguments {"city":"Paris"}, result {"tempC":18}');
    expect(options[5]!.getAttribute("aria-label")).toContain("repeated the same tool call for the second time");
    expect(options[2]!.getAttribute("aria-label")).toContain("waiting for headers 120 ms, headers to first token 130 ms, first token to end 350 ms");
    // hovering shows a row's figures
    fireEvent.mouseEnter(options[1]!);
    expect(within(detail).getByRole("region", { name: "Step figures" }).textContent).toContain("weather in Paris");
    // arrows then Enter on a call opens that call
    fireEvent.keyDown(steps, { key: "ArrowDown" });
    fireEvent.keyDown(steps, { key: "ArrowDown" });
    fireEvent.keyDown(steps, { key: "Enter" });
    expect(onOpenCall).toHaveBeenCalledWith("c1");
    fireEvent.click(options[6]!);
    expect(onOpenCall).toHaveBeenLastCalledWith("c3");
  });

  it("shows a running request live and updates it as the recorder reports", () => {
    const live = agentTrace({ id: "live", live: true });
    const { traces } = renderWithStore(<TracesView onOpenCall={() => {}} />, live.calls.slice(0, 1), undefined, [{ ...live.trace, steps: live.trace.steps.slice(0, 2) }]);
    const row = within(screen.getByRole("listbox", { name: "Requests" })).getByRole("option");
    expect(row.querySelector(".badge-live")).toBeTruthy();
    fireEvent.click(row);
    expect(within(screen.getByRole("listbox", { name: "Steps of answer-question" })).getAllByRole("option")).toHaveLength(3);
    act(() => upsertTraces(traces, [live.trace], 100));
    expect(within(screen.getByRole("listbox", { name: "Steps of answer-question" })).getAllByRole("option")).toHaveLength(5);
  });
});
