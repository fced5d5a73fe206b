// What the sink needs from a place to keep calls: IndexedDB, or memory when
// IndexedDB is unavailable.
import type { CallPage, CallQuery, LLMCall } from "../types.ts";
import type { TraceStore } from "./trace-store.ts";

export interface CallStore {
  readonly kind: "indexeddb" | "memory";
  /** finished traces, kept beside the calls */
  readonly traces: TraceStore;
  /**
   * store the calls, in as few transactions as the main thread allows; with
   * `now`, in one transaction begun before put returns (a page being hidden may
   * get no later task to begin another)
   */
  put(calls: LLMCall[], options?: { now?: boolean }): Promise<void>;
  query(query: CallQuery): Promise<CallPage>;
  get(id: string): Promise<LLMCall | undefined>;
  /** replace the stored call by change(call); false when there is none */
  update(id: string, change: (call: LLMCall) => LLMCall): Promise<boolean>;
  count(): Promise<number>;
  clear(): Promise<void>;
  /** delete the n oldest calls; resolves with how many went */
  deleteOldest(n: number): Promise<number>;
  /** delete calls started before this epoch ms; resolves with how many went */
  deleteBefore(startedAt: number): Promise<number>;
  close(): void;
}
