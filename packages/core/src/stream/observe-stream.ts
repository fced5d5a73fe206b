// Watches a response body go by through a stream of ours (see stream-watch.ts
// for what is done with what passes). One ReadableStream of ours pulls from
// the body (not tee, and not a TransformStream with a pump, which would put a
// second queue and a hop on every chunk): the caller's backpressure and
// cancellation reach the body as they would have.
import type { StreamFormat } from "../providers/types.ts";
import { createStreamWatch, type StreamObserver, type StreamWatch } from "./stream-watch.ts";

export type { StreamObserver, StreamOutcome } from "./stream-watch.ts";

/**
 * How far the observer may read ahead of the app. Chunks are then seen as they
 * arrive (true timings even when the app reads slowly), and a short tail is
 * still observed when an app stops reading at an error event without
 * cancelling. Bounded, so a stalled reader never makes us buffer a body.
 */
const READ_AHEAD_BYTES = 64 * 1024;
const ignore = () => {};

export function observeStream(body: ReadableStream<Uint8Array>, format: StreamFormat, observer: StreamObserver): ReadableStream<Uint8Array> {
  return streamThrough(body.getReader(), createStreamWatch(format, observer));
}

/** a stream of ours that hands on what it pulls from the body's reader, each chunk and the end shown to watch */
export function streamThrough(reader: ReadableStreamDefaultReader<Uint8Array>, watch: StreamWatch): ReadableStream<Uint8Array> {
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          watch.finish({ kind: "errored", error });
          // the reader sees the very error the body failed with
          throw error;
        }
        // the reader cancelled while this read waited: nothing more goes to it
        if (ended) return;
        if (read.done) {
          controller.close();
          return watch.finish({ kind: "complete" });
        }
        controller.enqueue(read.value);
        watch.seen(read.value);
      },
      cancel(reason) {
        ended = true;
        watch.finish({ kind: "cancelled", reason });
        return reader.cancel(reason).catch(ignore);
      },
    },
    { highWaterMark: READ_AHEAD_BYTES, size: (chunk) => chunk.byteLength },
  );
}
