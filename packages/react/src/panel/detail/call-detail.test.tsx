import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { errorHint } from "@llmscope/core";
import { CallDetail } from "./call-detail.tsx";
import { makeCall } from "../../test-support/make-call.ts";
import { renderWithStore } from "../../test-support/render-with-store.tsx";
import { startRealSetup, type RealSetup } from "../../test-support/real-calls.ts";
import { connectRecorder } from "../../store/connect-recorder.ts";
import { nextFrame } from "../../test-support/frames.ts";

const noop = () => {};
const xss = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

let real: RealSetup;
beforeAll(async () => {
  real = await startRealSetup();
});
afterAll(() => real.close());

describe("call detail", () => {
  it("shows the prompt as chat messages by role, the completion, params, tags and fingerprint", () => {
    const call = makeCall({
      prompt: {
        system: "You are terse.",
        messages: [
          { role: "system", content: "You are terse." },
          { role: "user", content: "Weather in Paris?" },
          { role: "assistant", content: "", toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] },
          { role: "tool", content: '{"temp":21}' },
        ],
        text: "…",
      },
      completion: { text: "21 °C and sunny.", finishReason: "stop" },
      params: { temperature: 0.7, maxTokens: 256 },
      tags: { feature: "weather", userId: "u42" },
      fingerprint: "fp-weather",
    });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const prompt = screen.getByRole("region", { name: "Prompt" });
    const items = within(prompt).getAllByRole("listitem");
    expect(items.map((li) => li.className)).toEqual(["message message-system", "message message-user", "message message-assistant", "message message-tool"]);
    expect(items[2]).toHaveTextContent('get_weather({"city":"Paris"})');
    expect(screen.getByRole("region", { name: "Completion" })).toHaveTextContent("21 °C and sunny.");
    expect(screen.getByRole("region", { name: "Completion" })).toHaveTextContent("finish: stop");
    expect(screen.getByRole("region", { name: "Parameters" })).toHaveTextContent("maxTokens256");
    expect(screen.getByRole("region", { name: "Tags" })).toHaveTextContent("userIdu42");
    expect(screen.getByRole("region", { name: "Tags" })).toHaveTextContent("fingerprint fp-weather");
  });

  it("keeps HTML and script in prompts and completions as visible text", () => {
    const call = makeCall({ prompt: { messages: [{ role: "user", content: xss }], text: xss }, completion: { text: xss } });
    const { container } = renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    expect(container.querySelector("img, script")).toBeNull();
    expect(screen.getAllByText(xss, { exact: false, selector: "pre" })).toHaveLength(2);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("collapses a 1 MB completion and shows it all on request", async () => {
    const user = userEvent.setup();
    const big = "lorem ipsum ".repeat(90_000);
    const call = makeCall({ completion: { text: big } });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const completion = screen.getByRole("region", { name: "Completion" });
    const pre = completion.querySelector("pre")!;
    expect(pre.textContent!.length).toBe(4000);
    await user.click(within(completion).getByRole("button", { name: /show all \(1\.0 MB/i }));
    expect(pre.textContent!.length).toBe(big.length);
  });

  it("shows usage with its source, the cost breakdown and the timing waterfall", () => {
    const call = makeCall({
      usage: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 1000, source: "estimated" },
      cost: { inputUSD: 0.0002, cachedInputUSD: 0.00005, outputUSD: 0.0018, totalUSD: 0.00205, priceDate: "2026-11-01" },
      timing: { durationMs: 1500, ttfbMs: 200, ttftMs: 450, chunkCount: 40, chunkGapsMs: { p50: 20, p95: 60, max: 90 }, gapsMs: [10, 20, 90, 15] },
    });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const usage = screen.getByRole("region", { name: "Usage and cost" });
    expect(within(usage).getByText("estimated")).toBeInTheDocument();
    expect(within(usage).getByRole("row", { name: "Cached input 1000" })).toBeInTheDocument();
    expect(within(usage).getByRole("row", { name: "Total $0.0021" })).toBeInTheDocument();
    const timing = screen.getByRole("region", { name: "Timing" });
    expect(within(timing).getByRole("img", { name: /waiting for headers 200 ms, headers to first token 250 ms, first token to end 1\.05 s/ })).toBeInTheDocument();
    expect(within(timing).getByRole("img", { name: "Chunk gaps: 4 gaps, max 90 ms" })).toBeInTheDocument();
    expect(timing).toHaveTextContent("40 chunks · gap p50 20 ms · p95 60 ms · max 90 ms");
  });

  it("lists cache writes in the cost breakdown, so its rows add up to the total", () => {
    const call = makeCall({ cost: { inputUSD: 0.001, cachedInputUSD: 0, cacheWriteUSD: 0.004, outputUSD: 0.002, totalUSD: 0.007, priceDate: "2026-11-01" } });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const usage = screen.getByRole("region", { name: "Usage and cost" });
    expect(within(usage).getByRole("row", { name: "Cache write $0.0040" })).toBeInTheDocument();
  });

  it("explains a classified error in plain language", () => {
    const call = makeCall({ status: 429, error: { kind: "rate_limit", status: 429, code: "rate_limit_exceeded", message: "Rate limit reached" } });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Rate limit reached");
    expect(alert).toHaveTextContent(errorHint("rate_limit"));
  });

  it("says a stream cut mid-answer was cut, and a failed call was not billed", () => {
    const call = makeCall({
      status: 200,
      cost: undefined,
      usage: { source: "estimated" },
      timing: { durationMs: 900, chunkCount: 17 },
      error: { kind: "network", message: "terminated" },
    });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("after 17 chunks");
    expect(alert).not.toHaveTextContent("never reached");
    const usage = screen.getByRole("region", { name: "Usage and cost" });
    expect(usage).toHaveTextContent("Not billed: the call failed");
    expect(usage).not.toHaveTextContent("No price known");
  });

  it("names the model it has no price for", () => {
    const call = makeCall({ model: "acme-1", responseModel: "acme-1", cost: undefined, usage: { inputTokens: 10, outputTokens: 5, source: "provider" } });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    expect(screen.getByRole("region", { name: "Usage and cost" })).toHaveTextContent("No price known for acme-1.");
  });

  it("opens the raw bodies for an unknown provider", () => {
    const call = makeCall({
      provider: "acme",
      prompt: { messages: [], text: "" },
      completion: { text: "" },
      request: { headers: { "content-type": "application/json" }, body: '{"ask":"hi"}' },
      response: { headers: {}, body: "data: weird\n\n" },
    });
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call]);
    const raw = screen.getByRole("region", { name: "Raw" });
    const details = raw.querySelectorAll("details");
    expect([...details].map((d) => d.open)).toEqual([true, true]);
    expect(details[0]).toHaveTextContent('"ask": "hi"');
    expect(details[1]).toHaveTextContent("data: weird");
  });

  it("copies a cURL command that carries no secret", async () => {
    const user = userEvent.setup();
    const call = await real.chat("cURL me");
    renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call], real.recorder);
    await user.click(screen.getByRole("button", { name: "Copy as cURL" }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(`curl -X POST '${real.mock.url}/v1/chat/completions'`);
    expect(copied).toContain("cURL me");
    expect(copied).toContain("$OPENAI_API_KEY");
    expect(copied).not.toContain("sk-test-secret-123");
    expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument();
  });

  it("sends 👎 with a comment through recorder.feedback to the sink and shows it", async () => {
    const user = userEvent.setup();
    const call = await real.chat("rate me");
    const { store } = renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call], real.recorder);
    const connection = connectRecorder(store, real.recorder, 100);
    await user.type(screen.getByRole("textbox", { name: "Feedback comment" }), "made up a fact");
    await user.click(screen.getByRole("button", { name: "Bad answer" }));
    const stored = real.sink.calls().find((c) => c.id === call.id);
    expect(stored?.feedback).toMatchObject({ score: -1, comment: "made up a fact" });
    await act(nextFrame);
    expect(screen.getByRole("button", { name: "Bad answer" })).toHaveAttribute("aria-pressed", "true");
    // labelled in words people see, not by an emoji alone
    expect(screen.getByRole("button", { name: "Good answer" })).toHaveTextContent(/^👍 Good answer$/);
    expect(screen.getByText("“made up a fact”")).toBeInTheDocument();
    connection.disconnect();
  });

  it("shows 👍 on a call from stored history, which the recorder no longer holds", async () => {
    const user = userEvent.setup();
    const call = makeCall({ id: "from-an-earlier-page" });
    const { store } = renderWithStore(<CallDetail id={call.id} onClose={noop} />, [call], real.recorder);
    const connection = connectRecorder(store, real.recorder, 100);
    await user.click(screen.getByRole("button", { name: "Good answer" }));
    expect(store.getState().calls.get(call.id)?.feedback).toMatchObject({ score: 1 });
    expect(screen.getByRole("button", { name: "Good answer" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Bad answer" })).toHaveAttribute("aria-pressed", "false");
    connection.disconnect();
  });
});
