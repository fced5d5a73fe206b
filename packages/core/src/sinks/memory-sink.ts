// Keeps the latest calls in memory, oldest first: what the devtools read when
// there is no IndexedDB. Bounded; evictions are counted, never silent.
import type { Feedback, LLMCall, Sink } from "../types.ts";

export interface MemorySinkOptions {
  /** most calls kept; the oldest is evicted first. Default 1000 */
  capacity?: number;
}

export interface MemorySink extends Sink {
  /** the kept calls, oldest first */
  calls(): LLMCall[];
  /** notified after every write, feedback or clear */
  subscribe(listener: () => void): () => void;
  clear(): void;
  /** calls evicted to stay within capacity */
  readonly dropped: number;
}

export function memorySink(options: MemorySinkOptions = {}): MemorySink {
  const capacity = Math.max(1, Math.floor(options.capacity ?? 1000));
  // a ring: `head` is the oldest slot once the buffer is full
  let ring: LLMCall[] = [];
  let head = 0;
  let dropped = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // a listener's failure is its own; the sink keeps working
      }
    }
  };

  return {
    name: "memory",
    write(call) {
      if (ring.length < capacity) ring.push(call);
      else {
        ring[head] = call;
        head = (head + 1) % capacity;
        dropped++;
      }
      notify();
    },
    feedback(callId: string, feedback: Feedback) {
      const i = ring.findIndex((c) => c.id === callId);
      if (i < 0) return;
      ring[i] = { ...ring[i]!, feedback };
      notify();
    },
    calls: () => (head === 0 ? ring.slice() : ring.slice(head).concat(ring.slice(0, head))),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear() {
      ring = [];
      head = 0;
      notify();
    },
    get dropped() {
      return dropped;
    },
    flush: () => Promise.resolve(),
  };
}
