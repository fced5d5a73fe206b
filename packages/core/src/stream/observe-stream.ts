// Watches a response body go by. Every chunk is handed on first and looked at
// after, so the reader never waits on parsing; nothing is buffered beyond the
// line or element currently being framed. A TransformStream (not tee) keeps
// the caller's backpressure and cancellation semantics intact.
import type { StreamEvent, StreamFormat } from "../providers/types.ts";
import { createFramer } from "./framer.ts";

export type StreamOutcome =
  | { kind: "complete" }
  /** the reader cancelled (or the caller aborted) */
  | { kind: "cancelled"; reason: unknown }
  /** the body itself failed: connection cut, abort signal, … */
  | { kind: "errored"; error: unknown };

export interface StreamObserver {
  chunk(text: string, bytes: number, at: number): void;
  event(event: StreamEvent, at: number): void;
  end(outcome: StreamOutcome, at: number): void;
  /** an event too large to keep was skipped (see MAX_EVENT_CHARS) */
  cut?(): void;
  /** an observer callback threw; the stream carries on regardless */
  fault(err: unknown): void;
}

/**
 * How far the observer may read ahead of the app. Chunks are then seen as they
 * arrive (true timings even when the app reads slowly), and a short tail is
 * still observed when an app stops reading at an error event without
 * cancelling. Bounded, so a stalled reader never makes us buffer a body.
 */
const READ_AHEAD_BYTES = 64 * 1024;
const STREAMING = { stream: true };
const ignore = () => {};

export function observeStream(body: ReadableStream<Uint8Array>, format: StreamFormat, observer: StreamObserver): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let at = 0;
  let ended = false;
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      observer.fault(err);
    }
  };
  const framer = createFramer(
    format,
    (event) => guard(() => observer.event(event, at)),
    () => guard(() => observer.cut?.()),
  );
  // text waiting to be framed, with when it arrived: framing runs in a
  // microtask queued after the reader's, so the reader gets the chunk before
  // we parse it (one chunk can hold a burst of events)
  const queued: [string, number][] = [];
  const frame = () => {
    for (const [text, arrived] of queued.splice(0)) guard(() => ((at = arrived), framer.push(text)));
  };
  const finish = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    frame();
    guard(() => {
      if (outcome.kind === "complete") {
        framer.push(decoder.decode());
        framer.end();
      }
      observer.end(outcome, performance.now());
    });
  };

  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(
    {
      transform(chunk, controller) {
        controller.enqueue(chunk);
        guard(() => {
          at = performance.now();
          const text = decoder.decode(chunk, STREAMING);
          observer.chunk(text, chunk.byteLength, at);
          const length = queued.push([text, at]);
          if (length === 1) queueMicrotask(frame);
        });
      },
      flush: () => finish({ kind: "complete" }),
    },
    undefined,
    { highWaterMark: READ_AHEAD_BYTES, size: (chunk) => chunk.byteLength },
  );

  // pipeTo would do, but it cannot say which side failed; a body that breaks
  // and a reader that cancels must be told apart.
  const reader = body.getReader();
  const writer = writable.getWriter();
  let failed = false;
  // the reader cancelled: the writable errors at once, even while a read waits on the network
  writer.closed.catch((reason: unknown) => {
    if (failed) return;
    finish({ kind: "cancelled", reason });
    reader.cancel(reason).catch(ignore);
  });
  void (async () => {
    for (;;) {
      // only wait when the read-ahead is full: an await per chunk is a hop per chunk
      if (!(writer.desiredSize! > 0)) {
        try {
          await writer.ready;
        } catch {
          // the reader cancelled, handled above
          return;
        }
      }
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        failed = true;
        finish({ kind: "errored", error });
        // the reader sees the very error the body failed with
        writer.abort(error).catch(ignore);
        return;
      }
      if (read.done) return void writer.close().catch(ignore);
      writer.write(read.value).catch(ignore);
    }
  })();
  return readable;
}
