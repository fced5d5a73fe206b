// The observer's side of a watched body, whatever hands it the bytes (a stream
// of ours pulling from the body, or the app's own reads seen in place). On the
// app's path a chunk is only decoded (at once: the app may reuse or transfer
// it) and noted with its size and arrival time; framing and parsing, most of
// the work, run in later tasks and, unless someone watches the call live,
// only once a slice of SLICE_CHARS has gathered or the body ends: a fast
// answer's chunks are all handed on before any of it runs, and what waits is
// bounded. Where tasks are cheap, that framing runs a piece of PIECE_CHARS a
// task, so whatever the app does meanwhile (reading its next request's answer,
// made as soon as this one ended) waits for one piece at a time, not for all. Events are
// timed by the chunk that completed them, however late they are read. The end
// is handled after the app has had it.
import type { StreamEvent, StreamFormat } from "../providers/types.ts";
import { afterTheApp, cheapTasks } from "../recorder/schedule.ts";
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
/**
 * The text framed in one task: about one event of a chat stream. An answer's
 * way from the socket to the app (undici's, the SDK's) takes several turns of
 * the event loop, and a task of ours runs in each. Streams back to back, as in
 * the peer benchmark, the next one's first chunk came +0.17-0.19 ms after the
 * bare SDK's with a stream's 14 KB framed in one task, +0.12-0.2 ms with 1 KB
 * or 20 µs a task, +0.05-0.06 ms with 256 characters (bench/peers/
 * stream-latency.mjs). What the extra tasks cost is within the noise of a
 * stream's CPU (call-path.mjs). Only where tasks are cheap (setImmediate):
 * elsewhere what waits is framed in one.
 */
export const PIECE_CHARS = cheapTasks ? 256 : Infinity;

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
  // text waiting to be framed, with its size and when it arrived; how much of the first is framed; how many characters wait in all
  const queued: [string, number, number][] = [];
  let framed = 0;
  let waiting = 0;
  const framerOf = () =>
    (framer ??= createFramer(
      format,
      (event) => guard(() => observer.event(event, at)),
      () => guard(() => observer.cut?.()),
    ));
  /** frames the next piece of what waits (all beyond a slice, if more waits: a body faster than its framing stays bounded); true once nothing does */
  const piece = (): boolean => {
    for (let budget = Math.max(PIECE_CHARS, waiting - SLICE_CHARS); budget > 0 && queued.length; ) {
      const [text, bytes, arrived] = queued[0]!;
      if (!framed) guard(() => observer.chunk(text, bytes, arrived));
      const upTo = Math.min(text.length, framed + budget);
      // the whole text when it fits (slice copies nothing then)
      const part = text.slice(framed, upTo);
      at = arrived;
      guard(() => framerOf().push(part));
      budget -= part.length;
      waiting -= part.length;
      if (upTo < text.length) framed = upTo;
      else queued.shift(), (framed = 0);
    }
    return !queued.length;
  };
  // framing under way: resolves once all that is queued is framed (text arriving meanwhile included)
  let draining: Promise<void> | undefined;
  const drain = () =>
    (draining ??= new Promise<void>((done) => {
      const next = () => (piece() ? ((draining = undefined), done()) : afterTheApp(next));
      afterTheApp(next);
    }));
  return {
    seen: (chunk) =>
      guard(() => {
        const text = decoder.decode(chunk, STREAMING);
        waiting += text.length;
        // from the next task for a live watcher; else once a slice waits
        if ((queued.push([text, chunk.byteLength, performance.now()]) == 1 && observer.live?.()) || waiting >= SLICE_CHARS) void drain();
      }),
    // The end reaches the app first: the rest of the text is framed, and the
    // call ended (its request read, priced, scrubbed, handed to the sinks),
    // after the app's continuations, not between the body's end and the app's
    // reading of it. Timed when it came.
    finish(outcome) {
      if (ended) return;
      ended = true;
      const at = performance.now();
      const work = drain().then(() =>
        guard(() => {
          if (outcome.kind === "complete") {
            const f = framerOf();
            f.push(decoder.decode());
            f.end();
          }
          observer.end(outcome, at);
        }),
      );
      guard(() => observer.pending?.(work));
    },
  };
}
