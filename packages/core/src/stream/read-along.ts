// A body read as it arrives and handed on chunk for chunk through a stream of
// our own, so a whole response can be looked at without Response.clone():
// Node's clone tees the body into two new streams at ~30 µs a call, where
// this costs one extra read per chunk. Like the tee it replaces, it reads on
// whether or not the app does (a body nobody reads still ends its call), and a
// chunk waits in the queue until the app asks for it.
import type { StreamOutcome } from "./observe-stream.ts";

export function readAlong(
  body: ReadableStream<Uint8Array>,
  seen: (chunk: Uint8Array) => void,
  end: (outcome: StreamOutcome) => void,
  /** seen threw; the body carries on regardless */
  fault: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let over = false;
  const finish = (outcome: StreamOutcome) => {
    if (over) return;
    over = true;
    end(outcome);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // not awaited: the app's reads start as soon as start returns
      void (async () => {
        for (;;) {
          let read: ReadableStreamReadResult<Uint8Array>;
          try {
            read = await reader.read();
          } catch (error) {
            // the app's read fails with the very error the body failed with
            if (!over) controller.error(error);
            return finish({ kind: "errored", error });
          }
          // cancelled meanwhile: the source is being cancelled too
          if (over) return;
          if (read.done) {
            controller.close();
            return finish({ kind: "complete" });
          }
          controller.enqueue(read.value);
          try {
            seen(read.value);
          } catch {
            fault();
          }
        }
      })();
    },
    cancel(reason) {
      finish({ kind: "cancelled", reason });
      return reader.cancel(reason);
    },
  });
}
