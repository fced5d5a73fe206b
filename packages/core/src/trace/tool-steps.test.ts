import { describe, expect, it } from "vitest";
import { testCall } from "../analysis/test-call.ts";
import type { LLMCall } from "../types.ts";
import { toolSteps, type SettledCall } from "./tool-steps.ts";

const asking = (durationMs: number): LLMCall =>
  testCall({ id: "a", timing: { durationMs }, completion: { text: "", toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Oslo"}' }] } });
const answering = (): LLMCall =>
  testCall({ id: "b", request: { headers: {}, body: JSON.stringify({ messages: [{ role: "tool", tool_call_id: "call_1", content: "11 C" }] }) } });
const settled = (call: LLMCall, startedAt: number): SettledCall => ({ call, startedAt, delivered: call });

const asked = (start: number, duration: number, calls: { id?: string; name: string; arguments: string }[], parentId?: string): SettledCall => {
  const call = { timing: { durationMs: duration }, completion: { text: "", toolCalls: calls }, ...(parentId ? { parentId } : {}) } as unknown as LLMCall;
  return { call, startedAt: start, delivered: call };
};
const answered = (start: number, body: unknown, delivered = true): SettledCall => {
  const call = { timing: { durationMs: 1 }, completion: { text: "done" }, request: { headers: {}, body: JSON.stringify(body) } } as unknown as LLMCall;
  return { call, startedAt: start, delivered: delivered ? call : null };
};

describe("toolSteps", () => {
  it("spans the gap between the asking call's end and the call carrying the result", () => {
    const { steps } = toolSteps("t", [settled(asking(100), 1000), settled(answering(), 1150)], new Set());
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "tool", name: "get_weather", startedAt: 1100, durationMs: 50, attributes: { "gen_ai.tool.call.id": "call_1", "gen_ai.tool.call.result": "11 C" } });
  });

  it("still finds the answer when the asking call's end was taken after the next call began", () => {
    // the recorder's copy of the first body arrived 3 ms after the app had sent the second request
    const { steps } = toolSteps("t", [settled(asking(100), 1000), settled(answering(), 1097)], new Set());
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ startedAt: 1097, durationMs: 0 });
  });

  it("leaves out a tool call the app timed itself", () => {
    expect(toolSteps("t", [settled(asking(100), 1000), settled(answering(), 1150)], new Set(["call_1"])).steps).toEqual([]);
  });

  it("one step per answered tool call, spanning from the asking call's end to the answering call's start", () => {
    const calls = [asked(0, 10, [{ id: "a", name: "search", arguments: "{\"q\":1}" }, { id: "b", name: "fetch", arguments: "{}" }, { name: "no_id", arguments: "{}" }], "p1"), answered(25, { messages: [{ role: "tool", tool_call_id: "a", content: "found" }, { role: "tool", tool_call_id: "b", content: "page" }] })];
    const { steps, cut } = toolSteps("t", calls, new Set());
    expect(cut).toBe(0);
    expect(steps.map(({ id: _, ...s }) => s)).toEqual([
      { traceId: "t", parentId: "p1", name: "search", kind: "tool", startedAt: 10, durationMs: 15, attributes: { "gen_ai.tool.name": "search", "gen_ai.tool.call.id": "a", "gen_ai.tool.call.arguments": "{\"q\":1}", "gen_ai.tool.call.result": "found" } },
      { traceId: "t", parentId: "p1", name: "fetch", kind: "tool", startedAt: 10, durationMs: 15, attributes: { "gen_ai.tool.name": "fetch", "gen_ai.tool.call.id": "b", "gen_ai.tool.call.arguments": "{}", "gen_ai.tool.call.result": "page" } },
    ]);
  });

  it("skips ids the app timed and tool calls whose results were never sent", () => {
    const calls = [asked(0, 10, [{ id: "a", name: "x", arguments: "" }, { id: "b", name: "y", arguments: "" }]), answered(20, { messages: [{ role: "tool", tool_call_id: "a", content: "1" }] })];
    expect(toolSteps("t", calls, new Set(["a"])).steps).toEqual([]);
  });

  it("a call redact dropped gives the timing but no arguments or result it did not keep", () => {
    const ask = asked(0, 10, [{ id: "a", name: "x", arguments: "SECRET" }]);
    ask.delivered = null;
    const { steps } = toolSteps("t", [ask, answered(30, { messages: [{ role: "tool", tool_call_id: "a", content: "r" }] })], new Set());
    expect(steps[0]!.attributes).toEqual({ "gen_ai.tool.name": "x", "gen_ai.tool.call.id": "a", "gen_ai.tool.call.result": "r" });
    expect(steps[0]!.durationMs).toBe(20);
  });

  it("long arguments are cut and counted", () => {
    const { steps, cut } = toolSteps("t", [asked(0, 1, [{ id: "a", name: "x", arguments: "y".repeat(5000) }]), answered(2, { messages: [{ role: "tool", tool_call_id: "a", content: "r" }] })], new Set());
    expect(String(steps[0]!.attributes!["gen_ai.tool.call.arguments"])).toHaveLength(1024);
    expect(cut).toBe(1);
  });
});
