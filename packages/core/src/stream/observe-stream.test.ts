import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import { observeStream, type StreamOutcome } from "./observe-stream.ts";

function source(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else c.close();
    },
  });
}

function watch(body: ReadableStream<Uint8Array>, format: "sse" | "ndjson" | "json-array" = "sse") {
  const events: StreamEvent[] = [];
  const texts: string[] = [];
  let outcome: StreamOutcome | undefined;
  const faults: unknown[] = [];
  const pending: Promise<void>[] = [];
  const readable = observeStream(body, format, {
    chunk: (text) => texts.push(text),
    event: (e) => events.push(e),
    end: (o) => (outcome = o),
    fault: (err) => faults.push(err),
    pending: (work) => void pending.push(work),
  });
  /** the observer's end, which comes after the app has had the body's */
  const ended = async () => void (await Promise.all(pending));
  return { readable, events, texts, faults, outcome: () => outcome, ended };
}

async function readAll(readable: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}

describe("observeStream", () => {
  it("passes random bytes through chunk for chunk and frames split UTF-8 correctly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom("a", "é", "語", "🙂", "\n", "\r", ":") }), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), async (lines, points) => {
        const body = lines.map((l) => "data: " + l.replace(/[\r\n]/g, " ") + "\n\n").join("");
        const bytes = new TextEncoder().encode(body);
        const at = [0, ...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = at.map((p, i) => bytes.slice(p, at[i + 1] ?? bytes.length));
        const w = watch(source(chunks));
        const out = await readAll(w.readable);
        await w.ended();
        expect(out).toEqual(chunks);
        expect(out.every((c, i) => c === chunks[i])).toBe(true);
        expect(w.texts.join("")).toBe(body);
        expect(w.events.map((e) => e.data)).toEqual(lines.map((l) => l.replace(/[\r\n]/g, " ")));
        expect(w.outcome()).toEqual({ kind: "complete" });
      }),
      { numRuns: 150 },
    );
  });

  it("reports a reader's cancel as cancelled and cancels the source", async () => {
    let sourceCancelled: unknown;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("data: one\n\n"));
      },
      cancel(reason) {
        sourceCancelled = reason;
      },
    });
    const w = watch(body);
    const reader = w.readable.getReader();
    await reader.read();
    await reader.cancel("stop");
    // the observer's end comes in a later task: waited for as such, not by a timer that a loaded machine may fire first
    await w.ended();
    expect(w.events).toEqual([{ data: "one" }]);
    expect(w.outcome()).toEqual({ kind: "cancelled", reason: "stop" });
    expect(sourceCancelled).toBe("stop");
  });

  it("hands the reader the very error the body failed with", async () => {
    const failure = new TypeError("terminated");
    let ctl!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
    const w = watch(body, "ndjson");
    const reader = w.readable.getReader();
    ctl.enqueue(new TextEncoder().encode('{"a":1}\n'));
    await reader.read();
    ctl.error(failure);
    await expect(reader.read()).rejects.toBe(failure);
    // the observer's end comes in a later task: waited for as such, not by a timer that a loaded machine may fire first
    await w.ended();
    expect(w.outcome()).toEqual({ kind: "errored", error: failure });
  });

  it("keeps streaming when the observer throws", async () => {
    const faults: unknown[] = [];
    let ending: Promise<void> | undefined;
    const readable = observeStream(source([new TextEncoder().encode("data: x\n\n")]), "sse", {
      chunk: () => {},
      event: () => {
        throw new Error("observer bug");
      },
      end: () => {},
      fault: (err) => faults.push(err),
      pending: (work) => void (ending = work),
    });
    const out = await readAll(readable);
    await ending;
    expect(new TextDecoder().decode(out[0])).toBe("data: x\n\n");
    expect(faults).toHaveLength(1);
  });

  it("hands the end to the reader first, and ends for the observer after, timed when the body ended", async () => {
    let endedAt: number | undefined;
    let ending: Promise<void> | undefined;
    const events: string[] = [];
    const readable = observeStream(source([new TextEncoder().encode("data: one\n\ndata: two")]), "sse", {
      chunk() {},
      event: (e) => void events.push(e.data),
      end: (_o, at) => void (endedAt = at),
      fault() {},
      pending: (work) => void (ending = work),
    });
    const reader = readable.getReader();
    while (!(await reader.read()).done);
    const readerDone = performance.now();
    expect(endedAt).toBeUndefined();
    await ending;
    expect(endedAt).toBeLessThanOrEqual(readerDone);
    // the unterminated last event is framed at the end, after the reader had it
    expect(events).toEqual(["one", "two"]);
  });
});
