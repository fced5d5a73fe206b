import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import { later } from "../recorder/schedule.ts";
import { createStreamWatch, SLICE_CHARS, type StreamOutcome } from "./stream-watch.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function watched(live = false) {
  const events: [StreamEvent, number][] = [];
  const chunks: [string, number, number][] = [];
  const pending: Promise<void>[] = [];
  let outcome: StreamOutcome | undefined;
  const watch = createStreamWatch("sse", {
    chunk: (text, size, at) => chunks.push([text, size, at]),
    event: (event, at) => events.push([event, at]),
    end: (o) => (outcome = o),
    fault: (err) => {
      throw err;
    },
    pending: (work) => void pending.push(work),
    live: () => live,
  });
  return { watch, events, chunks, ended: () => Promise.all(pending), outcome: () => outcome };
}

describe("createStreamWatch", () => {
  it("frames nothing on the app's path: a short body's events come after its end, each timed by the chunk that completed it", async () => {
    const w = watched();
    const before = performance.now();
    w.watch.seen(bytes('data: {"a":1}\n'));
    const between = performance.now();
    w.watch.seen(bytes('\ndata: {"b":2}\n\n'));
    await later();
    await later();
    // a task later, nobody watching live: still only noted
    expect(w.events).toEqual([]);
    expect(w.chunks).toEqual([]);
    w.watch.finish({ kind: "complete" });
    await w.ended();
    expect(w.events.map(([e]) => e.data)).toEqual(['{"a":1}', '{"b":2}']);
    // the first event was completed by the second chunk, which arrived after `between`
    expect(w.events[0]![1]).toBeGreaterThanOrEqual(between);
    expect(w.chunks.map(([text, size]) => [text, size])).toEqual([
      ['data: {"a":1}\n', 14],
      ['\ndata: {"b":2}\n\n', 16],
    ]);
    expect(w.chunks[0]![2]).toBeGreaterThanOrEqual(before);
    expect(w.chunks[0]![2]).toBeLessThanOrEqual(between);
    expect(w.outcome()).toEqual({ kind: "complete" });
  });

  it("frames a slice in a later task once SLICE_CHARS have gathered, so what waits for the end is bounded", async () => {
    const w = watched();
    const event = `data: ${"x".repeat(1000)}\n\n`;
    const count = Math.ceil(SLICE_CHARS / event.length);
    for (let i = 0; i < count; i++) w.watch.seen(bytes(event));
    // handed on first: nothing framed before the app's continuations
    expect(w.events).toHaveLength(0);
    await later();
    expect(w.events).toHaveLength(count);
    w.watch.seen(bytes(event));
    await later();
    expect(w.events).toHaveLength(count);
    w.watch.finish({ kind: "complete" });
    await w.ended();
    expect(w.events).toHaveLength(count + 1);
  });

  it("frames each chunk at the next task while someone watches live", async () => {
    const w = watched(true);
    w.watch.seen(bytes("data: one\n\n"));
    expect(w.events).toHaveLength(0);
    await later();
    expect(w.events.map(([e]) => e.data)).toEqual(["one"]);
  });

  it("frames what arrived before a cancel, then ends cancelled", async () => {
    const w = watched();
    w.watch.seen(bytes("data: one\n\ndata: tw"));
    w.watch.finish({ kind: "cancelled", reason: "stop" });
    await w.ended();
    expect(w.events.map(([e]) => e.data)).toEqual(["one"]);
    expect(w.outcome()).toEqual({ kind: "cancelled", reason: "stop" });
  });
});
