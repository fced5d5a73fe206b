import { afterAll, afterEach, describe, expect, it } from "vitest";
import { agentLoopRule } from "./agent-loop.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeTrace } from "../../testing/make-trace.ts";

const T = Date.UTC(2026, 2, 10, 9);
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("agent loop: too many LLM calls or the same tool call again and again in one trace (%s store)", (kind) => {
  it("fires once per trace over the call limit, naming the trace", async () => {
    h = alertHarness(agentLoopRule, { agentLoopCalls: 10 }, kind);
    const normal = makeTrace({ startedAt: T, calls: 10 });
    expect(await h.ingest(normal.calls, [normal.trace])).toEqual([]);
    const loop = makeTrace({ startedAt: T + 1000, calls: 30, steps: 2, tags: { userId: "u7", feature: "agent" } });
    const [alert, ...more] = await h.ingest(loop.calls, [loop.trace]);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: "agent_loop", subject: loop.trace.id, value: 30, threshold: 10 });
    expect(alert!.message).toBe(`agent loop in request "answer-question" for user u7 (trace ${loop.trace.id}): 30 LLM calls (limit 10)`);
    expect(alert!.evidence).toEqual(loop.calls.slice(0, 20).map((c) => c.id));
    // the same trace resent is a duplicate: nothing is evaluated twice
    expect(await h.ingest([], [loop.trace])).toEqual([]);
  });

  it("fires on identical tool calls, not on the same tool with other arguments or another call id", async () => {
    h = alertHarness(agentLoopRule, { agentLoopRepeats: 3 }, kind);
    const varied = makeTrace({ startedAt: T, calls: 2, steps: 0 });
    varied.trace.steps = [1, 2, 3, 4, 5].map((i) => ({ id: `v${i}`, traceId: varied.trace.id, name: "search_web", kind: "tool" as const, startedAt: T + i, attributes: { query: `q${i}` } }));
    expect(await h.ingest(varied.calls, [varied.trace])).toEqual([]);
    const stuck = makeTrace({ startedAt: T + 10, calls: 2, steps: 0 });
    stuck.trace.steps = [1, 2, 3, 4].map((i) => ({ id: `s${i}`, traceId: stuck.trace.id, name: "search_web", kind: "tool" as const, startedAt: T + i, attributes: { query: "same", toolCallId: `call_${i}` } }));
    const [alert] = await h.ingest(stuck.calls, [stuck.trace]);
    expect(alert).toMatchObject({ kind: "agent_loop", subject: stuck.trace.id, value: 4, threshold: 3 });
    expect(alert!.message).toContain("search_web called 4 times with the same arguments (limit 3)");
  });
});
