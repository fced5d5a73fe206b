// Keeps the latest calls in memory, oldest first: what the devtools read when
// there is no IndexedDB. Bounded; evictions are counted, never silent.
import type { Trace } from "../trace/types.ts";
import type { LLMCall, Sink } from "../types.ts";

export interface MemorySinkOptions {
  /** most calls kept; the oldest is evicted first. Default 1000 */
  capacity?: number;
  /** most traces kept, the oldest evicted first. Default 200 */
  traceCapacity?: number;
}

export interface MemorySink extends Sink {
  /** the kept calls, oldest first */
  calls(): LLMCall[];
  /** the kept traces, oldest first */
  traces(): Trace[];
  /** notified after every write, feedback or clear */
  subscribe(listener: () => void): () => void;
  clear(): void;
  /** calls evicted to stay within capacity */
  readonly dropped: number;
  /** traces evicted to stay within traceCapacity */
  readonly droppedTraces: number;
}

export function memorySink({ capacity = 1000, traceCapacity = 200 }: MemorySinkOptions = {}): MemorySink {
  const max = Math.max(1, Math.floor(capacity));
  // a ring: once full, `oldest` is the slot the next call overwrites
  let kept: LLMCall[] = [];
  let oldest = 0;
  let dropped = 0;
  // traces are few and arrive at a request's pace: a plain array, shifted when full
  let traces: Trace[] = [];
  let droppedTraces = 0;
  const maxTraces = Math.max(1, Math.floor(traceCapacity));
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
      if (kept.length < max) kept.push(call);
      else {
        kept[oldest] = call;
        oldest = (oldest + 1) % max;
        dropped++;
      }
      notify();
    },
    writeTrace(trace) {
      traces.push(trace);
      if (traces.length > maxTraces) {
        traces.shift();
        droppedTraces++;
      }
      notify();
    },
    feedback(callId, feedback) {
      const i = kept.findIndex((c) => c.id === callId);
      if (i < 0) return;
      kept[i] = { ...kept[i]!, feedback };
      notify();
    },
    calls: () => kept.slice(oldest).concat(kept.slice(0, oldest)),
    traces: () => traces.slice(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear() {
      kept = [];
      oldest = 0;
      traces = [];
      notify();
    },
    get dropped() {
      return dropped;
    },
    get droppedTraces() {
      return droppedTraces;
    },
    flush: async () => {},
  };
}
