import { describe, expect, it } from "vitest";
import { renderHook } from "@testing-library/react";
import { visibleTraceIds } from "./trace-query.ts";
import { useVisibleTraces } from "./use-visible-traces.ts";
import { makeTrace } from "../../test-support/make-trace.ts";
import { makeCall } from "../../test-support/make-call.ts";

const traces = [
  makeTrace({ name: "answer-refund", tags: { userId: "u-ana" } }),
  makeTrace({ name: "answer-weather", steps: [] }),
  makeTrace({ name: "summarize" }),
];
traces[2]!.steps = [{ id: "s", traceId: traces[2]!.id, name: "vector-search", kind: "retrieval", startedAt: 0 }];
const map = new Map(traces.map((t) => [t.id, t]));
const ids = traces.map((t) => t.id);
const claude = [makeCall({ traceId: traces[1]!.id, model: "claude-haiku-4-5" })];
const index = new Map([[traces[1]!.id, claude]]);
const callsOf = (id: string) => index.get(id) ?? [];

describe("trace filter", () => {
  it("matches names, tags, step names and models, newest first, case-insensitively", () => {
    expect(visibleTraceIds(ids, map, callsOf, "")).toEqual([...ids].reverse());
    expect(visibleTraceIds(ids, map, callsOf, "ANSWER")).toEqual([ids[1], ids[0]]);
    expect(visibleTraceIds(ids, map, callsOf, "u-ana")).toEqual([ids[0]]);
    expect(visibleTraceIds(ids, map, callsOf, "vector")).toEqual([ids[2]]);
    expect(visibleTraceIds(ids, map, callsOf, "haiku")).toEqual([ids[1]]);
  });

  it("narrows from the last result while the text grows, and starts over when it shrinks", () => {
    const { result, rerender } = renderHook(({ text }) => useVisibleTraces(ids, map, index, text), { initialProps: { text: "a" } });
    expect(result.current).toEqual([ids[2], ids[1], ids[0]]);
    rerender({ text: "answer" });
    expect(result.current).toEqual([ids[1], ids[0]]);
    rerender({ text: "answer-w" });
    expect(result.current).toEqual([ids[1]]);
    const same = result.current;
    rerender({ text: "answer-w " });
    expect(result.current).toBe(same);
    rerender({ text: "sum" });
    expect(result.current).toEqual([ids[2]]);
  });
});
