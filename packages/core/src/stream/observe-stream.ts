// Watches a response body go by. Every chunk, and the end, is handed on first
// and looked at after, so the reader never waits on parsing; nothing is buffered beyond the
// line or element currently being framed. One ReadableStream of ours pulls
// from the body (not tee, and not a TransformStream with a pump, which would
// put a second queue and a hop on every chunk): the caller's backpressure and
// cancellation reach the body as they would have.
import type { StreamEvent, StreamFormat } from "../providers/types.ts";
import { afterTheApp, later } from "../recorder/schedule.ts";
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
  /**
   * Handed, as the stream ends, the work that ends it for the observer: the
   * rest framed and end() called once the app has had the end (so a flush can
   * wait for it)
   */
  pending?(work: Promise<void>): void;
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
  // text waiting to be looked at, with its size and when it arrived: decoded
  // at once (the app may reuse or transfer the chunk), everything else later
  const queued: [string, number, number][] = [];
  const frame = () => {
    for (const [text, bytes, arrived] of queued.splice(0)) {
      guard(() => observer.chunk(text, bytes, arrived));
      guard(() => ((at = arrived), framer.push(text)));
    }
  };
  // The end reaches the app first: the rest of the text is framed, and the
  // call ended (its request read, priced, scrubbed, handed to the sinks),
  // after the app's continuations, not between the body's end and the app's
  // reading of it. Timed when it came.
  const finish = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    const at = performance.now();
    const work = later().then(() => {
      frame();
      guard(() => {
        if (outcome.kind === "complete") {
          framer.push(decoder.decode());
          framer.end();
        }
        observer.end(outcome, at);
      });
    });
    guard(() => observer.pending?.(work));
  };

  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          finish({ kind: "errored", error });
          // the reader sees the very error the body failed with
          throw error;
        }
        // the reader cancelled while this read waited: nothing more goes to it
        if (ended) return;
        if (read.done) {
          controller.close();
          return finish({ kind: "complete" });
        }
        const chunk = read.value;
        controller.enqueue(chunk);
        guard(() => {
          const arrived = performance.now();
          if (queued.push([decoder.decode(chunk, STREAMING), chunk.byteLength, arrived]) === 1) afterTheApp(frame);
        });
      },
      cancel(reason) {
        finish({ kind: "cancelled", reason });
        return reader.cancel(reason).catch(ignore);
      },
    },
    { highWaterMark: READ_AHEAD_BYTES, size: (chunk) => chunk.byteLength },
  );
}
