// Recorder events can arrive hundreds of times a second while a stream is
// flowing. Rendering each one would starve the page, so events for the same
// call are merged and applied once per animation frame. A timer backs up the
// frame because hidden tabs get no frames and the queue must not grow forever.

export interface FrameBatcher<T> {
  push(key: string, item: T): void;
  /** apply whatever is pending now */
  flush(): void;
  dispose(): void;
}

const fallbackDelayMs = 250;

export function createFrameBatcher<T>(apply: (items: T[]) => void): FrameBatcher<T> {
  let pending = new Map<string, T>();
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function cancel() {
    if (frame !== undefined && typeof cancelAnimationFrame === "function") cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  }

  function flush() {
    cancel();
    if (pending.size === 0) return;
    const items = [...pending.values()];
    pending = new Map();
    apply(items);
  }

  return {
    push(key, item) {
      // delete first so a re-pushed key moves to the end and order of arrival is kept
      pending.delete(key);
      pending.set(key, item);
      if (timer !== undefined) return;
      if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, fallbackDelayMs);
    },
    flush,
    dispose() {
      cancel();
      pending.clear();
    },
  };
}
