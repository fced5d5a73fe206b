import { type Delays, sleep } from "./delays.ts";

/** How a body ends: normally, or failing like a dropped connection (no terminator, no clean close). */
export type BodyEnd = "close" | "cut";

export class StreamCutError extends TypeError {
  constructor() {
    super("mock-llm: stream cut before its end");
    this.name = "TypeError";
  }
}

/**
 * A body that releases one part per chunk, each after its delay. Pull-based,
 * so nothing is produced ahead of the reader and a cancelled reader stops it.
 */
export function timedBody(parts: readonly string[], delays: Delays, end: BodyEnd = "close"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (index >= parts.length) {
          if (end === "cut") controller.error(new StreamCutError());
          else controller.close();
          return;
        }
        await sleep(index === 0 ? delays.first : delays.next());
        if (cancelled) return;
        controller.enqueue(encoder.encode(parts[index++]));
        // Close right after the last part so readers see the end without another wait. A cut
        // fails on the next read instead: erroring now would discard the part just queued.
        if (index >= parts.length && end === "close") controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
}
