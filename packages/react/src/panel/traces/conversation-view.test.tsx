import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { ConversationView } from "./conversation-view.tsx";
import { TraceOfCall } from "./trace-of-call.tsx";
import { renderWithStore } from "../../test-support/render-with-store.tsx";
import { agentTrace, agentStart } from "../../test-support/agent-trace.ts";
import { makeCall } from "../../test-support/make-call.ts";

describe("ConversationView", () => {
  it("reads the session as a transcript: each request's question and answer with its cost and time, loose calls as turns", () => {
    const { trace, calls } = agentTrace();
    const loose = makeCall({
      startedAt: agentStart + 5000,
      prompt: { messages: [{ role: "system", content: "be brief" }, { role: "user", content: "And tomorrow?" }], text: "" },
      completion: { text: "Rain." },
      cost: { inputUSD: 0, cachedInputUSD: 0, outputUSD: 0.001, totalUSD: 0.001, priceDate: "2026-11-01" },
      timing: { durationMs: 700 },
    });
    const onOpenTrace = vi.fn();
    const onOpenCall = vi.fn();
    renderWithStore(<ConversationView onOpenCall={onOpenCall} onOpenTrace={onOpenTrace} />, [...calls, loose], undefined, [trace]);
    const turns = within(screen.getByRole("list", { name: "Conversation" })).getAllByRole("listitem");
    expect(turns).toHaveLength(2);
    expect(turns[0]!.textContent).toMatch(/What is the weather in Paris\?.*It is 18 °C in Paris\..*2\.40 s.*\$0\.00090.*3 calls/);
    expect(turns[1]!.textContent).toMatch(/And tomorrow\?.*Rain\..*700 ms.*\$0\.0010.*1 call/);
    expect(screen.getByText("2 turns")).toBeTruthy();
    fireEvent.click(within(turns[0]!).getByRole("button", { name: "Request waterfall" }));
    expect(onOpenTrace).toHaveBeenCalledWith(trace.id);
    fireEvent.click(within(turns[0]!).getByRole("button", { name: "Answer's call" }));
    expect(onOpenCall).toHaveBeenCalledWith("c3");
  });
});

describe("TraceOfCall", () => {
  it("names the request and step a call ran in and opens the request", () => {
    const { trace, calls } = agentTrace();
    const onOpenTrace = vi.fn();
    renderWithStore(<TraceOfCall call={calls[1]!} onOpenTrace={onOpenTrace} />, calls, undefined, [trace]);
    expect(screen.getByRole("region", { name: "Request" }).textContent).toMatch(/Part of answer-question.*2\.40 s · call 2 of 3/);
    fireEvent.click(screen.getByRole("button", { name: "Open request waterfall" }));
    expect(onOpenTrace).toHaveBeenCalledWith(trace.id);
  });

  it("says when the request is no longer in memory", () => {
    const call = makeCall({ traceId: "gone" });
    renderWithStore(<TraceOfCall call={call} onOpenTrace={() => {}} />, [call]);
    expect(screen.getByRole("region", { name: "Request" }).textContent).toContain("not kept in memory");
  });
});
