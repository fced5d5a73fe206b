import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/types.ts";
import type { LLMCall } from "../types.ts";
import { memorySink } from "./memory-sink.ts";

const call = (id: string) => ({ id }) as LLMCall;

describe("memorySink", () => {
  it("keeps the newest calls up to capacity, oldest first, and counts evictions", () => {
    const sink = memorySink({ capacity: 3 });
    for (const id of ["a", "b", "c", "d", "e"]) sink.write(call(id));
    expect(sink.calls().map((c) => c.id)).toEqual(["c", "d", "e"]);
    expect(sink.dropped).toBe(2);
    sink.write(call("f"));
    expect(sink.calls().map((c) => c.id)).toEqual(["d", "e", "f"]);
  });

  it("defaults to 1000 calls", () => {
    const sink = memorySink();
    for (let i = 0; i < 1001; i++) sink.write(call(String(i)));
    expect(sink.calls()).toHaveLength(1000);
    expect(sink.calls()[0]!.id).toBe("1");
    expect(sink.dropped).toBe(1);
  });

  it("notifies subscribers, attaches feedback, clears, and survives a throwing listener", () => {
    const sink = memorySink();
    let notified = 0;
    sink.subscribe(() => {
      throw new Error("listener bug");
    });
    const off = sink.subscribe(() => notified++);
    sink.write(call("a"));
    sink.feedback!("a", { score: -1, comment: "wrong", at: 1 });
    expect(sink.calls()[0]!.feedback).toEqual({ score: -1, comment: "wrong", at: 1 });
    sink.clear();
    expect(sink.calls()).toEqual([]);
    expect(notified).toBe(3);
    off();
    sink.write(call("b"));
    expect(notified).toBe(3);
  });

  it("keeps the newest traces up to traceCapacity, counts evictions, and clears them with the calls", () => {
    const sink = memorySink({ traceCapacity: 2 });
    let notified = 0;
    sink.subscribe(() => notified++);
    for (const id of ["t1", "t2", "t3"]) sink.writeTrace!({ id } as Trace);
    expect(sink.traces().map((t) => t.id)).toEqual(["t2", "t3"]);
    expect(sink.droppedTraces).toBe(1);
    expect(notified).toBe(3);
    sink.clear();
    expect(sink.traces()).toEqual([]);
  });
});
