import { describe, expect, it, vi } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import fc from "fast-check";
import { afterTheApp, later } from "../recorder/schedule.ts";
import { createStreamWatch, PIECE_CHARS, SLICE_CHARS, type StreamOutcome } from "./stream-watch.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function watched(live = false, create = createStreamWatch) {
  const events: [StreamEvent, number][] = [];
  const chunks: [string, number, number][] = [];
  const pending: Promise<void>[] = [];
  let outcome: StreamOutcome | undefined;
  const watch = create("sse", {
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

/** the tasks it took until `count` events are framed */
async function framedAll(w: { events: unknown[] }, count: number) {
  let tasks = 0;
  while (w.events.length < count && tasks < 10_000) await later(), tasks++;
  expect(w.events).toHaveLength(count);
  return tasks;
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

  it("frames a slice in later tasks, a piece a task, once SLICE_CHARS have gathered, so what waits for the end is bounded", async () => {
    const w = watched();
    const event = `data: ${"x".repeat(1000)}\n\n`;
    const count = Math.ceil(SLICE_CHARS / event.length);
    for (let i = 0; i < count; i++) w.watch.seen(bytes(event));
    // handed on first: nothing framed before the app's continuations
    expect(w.events).toHaveLength(0);
    // a task the app sets going now runs after one piece, not after the whole slice
    let framedBefore = -1;
    afterTheApp(() => (framedBefore = w.events.length));
    const tasks = await framedAll(w, count);
    expect(framedBefore).toBe(0);
    // the slice a piece of PIECE_CHARS a task
    expect(tasks).toBeGreaterThanOrEqual(SLICE_CHARS / PIECE_CHARS);
    w.watch.seen(bytes(event));
    await later();
    await later();
    expect(w.events).toHaveLength(count);
    w.watch.finish({ kind: "complete" });
    await w.ended();
    expect(w.events).toHaveLength(count + 1);
  });

  it("frames what waits in one task where a task is a timer (browsers hold nested ones to 4 ms, a hidden tab's to a second)", async () => {
    vi.stubGlobal("setImmediate", undefined);
    vi.resetModules();
    try {
      const withTimers = await import("./stream-watch.ts");
      expect(withTimers.PIECE_CHARS).toBe(Infinity);
      const w = watched(false, withTimers.createStreamWatch);
      const event = `data: ${"x".repeat(1000)}\n\n`;
      const count = Math.ceil(SLICE_CHARS / event.length);
      for (let i = 0; i < count; i++) w.watch.seen(bytes(event));
      expect(w.events).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve));
      expect(w.events).toHaveLength(count);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it("frames at once all that waits beyond a slice: a body faster than its framing holds no more than a slice and a piece", async () => {
    const w = watched();
    const event = `data: ${"x".repeat(1000)}\n\n`;
    const count = 10 * Math.ceil(SLICE_CHARS / event.length);
    for (let i = 0; i < count; i++) w.watch.seen(bytes(event));
    await later();
    expect(w.events.length).toBeGreaterThanOrEqual(Math.floor((count * event.length - SLICE_CHARS - PIECE_CHARS) / event.length));
    expect(w.events.length).toBeLessThan(count);
    await framedAll(w, count);
  });

  it("frames text cut into pieces as it would frame it whole, each event timed by the chunk that completed it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: "binary", maxLength: 700 }), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 6 }), async (datas, cuts) => {
        const text = datas.map((d) => `data: ${d.replace(/[\r\n]/g, " ")}\n\n`).join("");
        const w = watched();
        // the text in chunks of the given sizes, in turn
        const encoded = bytes(text);
        for (let at = 0, i = 0; at < encoded.length; at += cuts[i++ % cuts.length]!) w.watch.seen(encoded.slice(at, at + cuts[i % cuts.length]!));
        w.watch.finish({ kind: "complete" });
        await w.ended();
        expect(w.events.map(([e]) => e.data)).toEqual(datas.map((d) => d.replace(/[\r\n]/g, " ")));
        expect(w.chunks.map(([t]) => t).join("")).toBe(text);
        // each event timed by the arrival of the chunk that holds its last character
        let end = 0;
        const chunkEnds = w.chunks.map(([t]) => (end += t.length));
        let from = 0;
        w.events.forEach(([, at], i) => {
          const last = (from = text.indexOf("\n\n", from) + 2) - 1;
          expect(at, `event ${i}`).toBe(w.chunks[chunkEnds.findIndex((e) => e > last)]![2]);
        });
      }),
      { numRuns: 200 },
    );
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
