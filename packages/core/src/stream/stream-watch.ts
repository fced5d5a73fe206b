// The observer's side of a watched body, whatever hands it the bytes (a stream
// of ours pulling from the body, or the app's own reads seen in place). On the
// app's path a chunk is only decoded (at once: the app may reuse or transfer
// it) and noted with its size and arrival time; framing and parsing, most of
// the work, run in a later task and, unless someone watches the call live,
// only once a slice of SLICE_CHARS has gathered or the body ends: a fast
// answer's chunks are all handed on before any of it runs, and what waits is
// bounded. Events are timed by the chunk that completed them, however late
// they are read. The end is handled after the app has had it.
import type { StreamEvent, StreamFormat } from "../providers/types.ts";
import { afterTheApp, later } from "../recorder/schedule.ts";
import { createFramer, type Framer } from "./framer.ts";

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
  /** someone watches the call as it streams: each chunk is then framed at the next task, not in slices */
  live?(): boolean;
  /**
   * Handed, as the stream ends, the work that ends it for the observer: the
   * rest framed and end() called once the app has had the end (so a flush can
   * wait for it)
   */
  pending?(work: Promise<void>): void;
}

/** what turns chunks into text: TextDecoder's decode, or one as exact that is faster (see utf8-chunks.ts) */
export type ChunkDecoder = Pick<TextDecoder, "decode">;

export interface StreamWatch {
  /** a chunk handed to the app */
  seen(chunk: Uint8Array): void;
  /** the first outcome counts */
  finish(outcome: StreamOutcome): void;
}

const STREAMING = { stream: true };
/** text gathered before it is framed, when nobody watches live: a slice's framing is the most that waits for a body's end */
export const SLICE_CHARS = 32 * 1024;

export function createStreamWatch(format: StreamFormat, observer: StreamObserver, decoder: ChunkDecoder = new TextDecoder()): StreamWatch {
  let at = 0;
  let ended = false;
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      observer.fault(err);
    }
  };
  // made when first needed, off the app's path
  let framer: Framer | undefined;
  // text waiting to be looked at, with its size and when it arrived; its length in characters
  const queued: [string, number, number][] = [];
  let chars = 0;
  const frame = () => {
    chars = 0;
    framer ??= createFramer(
      format,
      (event) => guard(() => observer.event(event, at)),
      () => guard(() => observer.cut?.()),
    );
    for (const [text, bytes, arrived] of queued.splice(0)) {
      guard(() => observer.chunk(text, bytes, arrived));
      guard(() => ((at = arrived), framer!.push(text)));
    }
  };
  return {
    seen: (chunk) =>
      guard(() => {
        const text = decoder.decode(chunk, STREAMING);
        // at the next task for a live watcher; else once, when the text gathered reaches a slice
        if ((queued.push([text, chunk.byteLength, performance.now()]) == 1 && observer.live?.()) || (chars < SLICE_CHARS && (chars += text.length) >= SLICE_CHARS))
          afterTheApp(frame);
      }),
    // The end reaches the app first: the rest of the text is framed, and the
    // call ended (its request read, priced, scrubbed, handed to the sinks),
    // after the app's continuations, not between the body's end and the app's
    // reading of it. Timed when it came.
    finish(outcome) {
      if (ended) return;
      ended = true;
      const at = performance.now();
      const work = later().then(() => {
        frame();
        guard(() => {
          if (outcome.kind === "complete") {
            framer!.push(decoder.decode());
            framer!.end();
          }
          observer.end(outcome, at);
        });
      });
      guard(() => observer.pending?.(work));
    },
  };
}
