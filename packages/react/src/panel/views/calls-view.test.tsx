import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { createRecorder } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CallsView } from "./calls-view.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";
import { upsertCalls } from "../../store/call-store.ts";
import { nextFrame } from "../../test-support/frames.ts";

const rows = () => within(screen.getByRole("listbox", { name: "LLM calls" })).queryAllByRole("option");

function sample() {
  return [
    makeCall({ startedAt: 1000, model: "gpt-4o", provider: "openai", prompt: { messages: [], text: "translate the invoice" }, completion: { text: "Rechnung" }, timing: { durationMs: 900 }, tags: { feature: "billing" } }),
    makeCall({ startedAt: 2000, model: "claude-haiku", provider: "anthropic", prompt: { messages: [], text: "summarize the ticket" }, completion: { text: "printer broken" }, timing: { durationMs: 300 }, sessionId: "session-b" }),
    makeCall({ startedAt: 3000, model: "gpt-4o", provider: "openai", prompt: { messages: [], text: "classify" }, completion: { text: "" }, error: { kind: "rate_limit", message: "429" }, timing: { durationMs: 50 } }),
  ];
}

describe("calls view", () => {
  it("lists calls newest first with model, status and numbers", () => {
    renderWithStore(<CallsView />, sample());
    const [first, second, third] = rows();
    expect(first).toHaveTextContent("gpt-4o");
    expect(first).toHaveTextContent("rate limit");
    expect(second).toHaveTextContent("claude-haiku");
    expect(second).toHaveTextContent("300 ms");
    expect(third).toHaveTextContent("10 → 20");
    expect(third).toHaveTextContent("$0.0030");
  });

  it("searches prompt and completion text", async () => {
    const user = userEvent.setup();
    renderWithStore(<CallsView />, sample());
    await user.type(screen.getByRole("searchbox", { name: "Search prompts and completions" }), "PRINTER");
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent("claude-haiku");
    expect(screen.getByText("1 of 3")).toBeInTheDocument();
  });

  it("filters by model, provider, session, tag and errors", async () => {
    const user = userEvent.setup();
    renderWithStore(<CallsView />, sample());
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by model" }), "gpt-4o");
    expect(rows()).toHaveLength(2);
    await user.click(screen.getByRole("checkbox", { name: "Errors only" }));
    expect(rows()).toHaveLength(1);
    await user.click(screen.getByRole("checkbox", { name: "Errors only" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by tag" }), "feature=billing");
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent("900 ms");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by tag" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by model" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by provider" }), "anthropic");
    expect(rows()).toHaveLength(1);
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by provider" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by session" }), "session-b");
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent("claude-haiku");
  });

  it("sorts by latency and flips the order on a second click", async () => {
    const user = userEvent.setup();
    renderWithStore(<CallsView />, sample());
    await user.click(screen.getByRole("button", { name: "Sort by latency" }));
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining("900 ms"), expect.stringContaining("300 ms"), expect.stringContaining("50 ms")]);
    await user.click(screen.getByRole("button", { name: "Sort by latency, descending" }));
    expect(rows()[0]).toHaveTextContent("50 ms");
  });

  it("moves through the list with arrows, Home and End, and opens a call with Enter", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<CallsView />, sample());
    const list = screen.getByRole("listbox", { name: "LLM calls" });
    list.focus();
    await user.keyboard("{ArrowDown}");
    expect(list.getAttribute("aria-activedescendant")).toBe("llmscope-row-1");
    await user.keyboard("{End}");
    expect(list.getAttribute("aria-activedescendant")).toBe("llmscope-row-2");
    await user.keyboard("{Home}{ArrowDown}{Enter}");
    const opened = store.getState().selectedId;
    expect(store.getState().calls.get(opened!)?.model).toBe("claude-haiku");
    expect(screen.getByRole("article", { name: /claude-haiku/ })).toBeInTheDocument();
    expect(rows()[1]).toHaveAttribute("aria-selected", "true");
  });

  it("renders only a window of rows for 10,000 calls", () => {
    const calls = Array.from({ length: 10_000 }, (_, i) => makeCall({ startedAt: i }));
    renderWithStore(<CallsView />, calls);
    expect(screen.getByText("10000 calls")).toBeInTheDocument();
    const count = rows().length;
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThanOrEqual(40);
  });

  it("a streaming update changes its row's text in place", async () => {
    const streaming = makeCall({ phase: "streaming", completion: { text: "" }, timing: {} });
    const { store } = renderWithStore(<CallsView />, [streaming, makeCall()]);
    const row = rows().find((r) => r.textContent?.includes("live"))!;
    expect(row).toBeDefined();
    act(() => upsertCalls(store, [{ ...streaming, phase: "done", timing: { durationMs: 1234 } }], 100));
    await act(nextFrame);
    expect(row).toHaveTextContent("1.23 s");
    expect(row).not.toHaveTextContent("live");
  });

  it("loads the calls an IndexedDB sink stored on earlier page loads", async () => {
    const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
    const earlier = makeCall({ startedAt: 500, prompt: { messages: [], text: "from yesterday" }, sessionId: "earlier-page" });
    sink.write(earlier);
    await sink.flush();
    renderWithStore(<CallsView />, [makeCall()], createRecorder({ sinks: [sink] }));
    expect(await screen.findByText("2 calls")).toBeInTheDocument();
  });
});
