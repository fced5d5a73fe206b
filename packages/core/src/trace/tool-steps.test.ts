import { describe, expect, it } from "vitest";
import { testCall } from "../analysis/test-call.ts";
import type { LLMCall } from "../types.ts";
import { toolSteps, type SettledCall } from "./tool-steps.ts";

const asking = (durationMs: number): LLMCall =>
  testCall({ id: "a", timing: { durationMs }, completion: { text: "", toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Oslo"}' }] } });
const answering = (): LLMCall =>
  testCall({ id: "b", request: { headers: {}, body: JSON.stringify({ messages: [{ role: "tool", tool_call_id: "call_1", content: "11 C" }] }) } });
const settled = (call: LLMCall, startedAt: number): SettledCall => ({ call, startedAt, delivered: call });

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
});
