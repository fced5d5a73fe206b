// A sink that keeps calls in the browser's IndexedDB and answers queries on
// them (the devtools read it). Writes are batched: one transaction per flush.
import type { CallQuery, Feedback, LLMCall, QueryableSink, SinkContext } from "../types.ts";
import type { CallStore } from "./call-store.ts";
import { idbStore, openIDB } from "./idb-store.ts";
import { memoryStore } from "./memory-store.ts";
import { storeEvents, type StoreEvent } from "./store-events.ts";

const DAY = 86_400_000;
/** retention runs after the first stored batch and then every this many batches */
const PRUNE_EVERY = 20;
const EXPORT_PAGE = 500;
/** calls stored (and announced) together; the store slices them into transactions by main-thread time */
const MAX_PER_BATCH = 1000;

export interface IndexedDBSinkOptions {
  /** default "llmscope" */
  dbName?: string;
  /** keep at most this many calls, the oldest go first; default 50,000 */
  maxCalls?: number;
  /** delete calls older than this; default 30 days */
  maxAgeMs?: number;
  /** store once this many calls wait; default 50 */
  batchSize?: number;
  /** or once the first waiting call has waited this long; default 250 ms */
  flushIntervalMs?: number;
  /** default globalThis.indexedDB; null forces the in-memory store */
  indexedDB?: IDBFactory | null;
  /** BroadcastChannel for cross-tab updates; default "llmscope:<dbName>"; false: none */
  channel?: string | false;
  /** an open that neither succeeds nor fails by then falls back to memory; default 5 s */
  openTimeoutMs?: number;
}

export interface IndexedDBSink extends QueryableSink {
  /** store every waiting call now */
  flush(): Promise<void>;
  /** matching calls, newest first, one JSON object per line; built in pages, so big stores stay off the JS heap */
  exportNDJSON(query?: Omit<CallQuery, "limit" | "cursor">): Promise<Blob>;
  /** stored batches, feedback, pruning and clears, from this tab and others */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  /** where calls are kept: "memory" once IndexedDB proved unusable */
  storage(): Promise<"indexeddb" | "memory">;
  /** apply retention now; resolves with how many calls were deleted */
  prune(): Promise<number>;
  close(): Promise<void>;
}

const isQuotaError = (err: unknown) => {
  const name = (err as Error | null)?.name;
  return name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED";
};

export function indexedDBSink(options: IndexedDBSinkOptions = {}): IndexedDBSink {
  const { dbName = "llmscope", maxCalls = 50_000, maxAgeMs = 30 * DAY, batchSize = 50 } = options;
  const { flushIntervalMs = 250, openTimeoutMs = 5000 } = options;
  let ctx: SinkContext | undefined;
  const report = (err: unknown) => ctx?.error(err);
  const events = storeEvents(options.channel ?? `llmscope:${dbName}`, report);
  let buffer: LLMCall[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let stepQueued = false;
  /** calls written, and calls stored or given up on: flush waits for the second to reach the first */
  let written = 0;
  let settled = 0;
  let opened: Promise<CallStore> | undefined;
  let memory: CallStore | undefined;
  let batches = 0;
  let pruning: Promise<number> = Promise.resolve(0);
  let pruneQueued = false;
  let listening = false;

  const fallback = (reason: string) => {
    if (!memory) {
      console.warn(`llmscope: ${reason}; calls are kept in memory for this page only`);
      memory = memoryStore();
    }
    return memory;
  };
  const open = async (): Promise<CallStore> => {
    if (memory) return memory;
    let factory: IDBFactory | null | undefined;
    try {
      factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
    } catch {
      // some sandboxed frames throw on the mere access
    }
    if (!factory) return fallback("IndexedDB is not available");
    try {
      const onClosed = () => (opened = undefined);
      return idbStore(await openIDB(factory, dbName, { timeoutMs: openTimeoutMs, onClosed }));
    } catch (err) {
      return fallback(`IndexedDB could not be opened (${(err as Error)?.message ?? err})`);
    }
  };
  const store = () => (opened ??= open());

  /**
   * Deletes what `choose` picks and tells subscribers, one deletion at a
   * time: two running together would both delete the same excess.
   */
  const deleteInTurn = (choose: (s: CallStore) => Promise<number>) => {
    const run = pruning.then(async () => {
      const deleted = await choose(await store());
      if (deleted) events.publish({ type: "pruned", count: deleted });
      return deleted;
    });
    pruning = run.catch(() => 0);
    return run;
  };
  const pruneInTurn = () =>
    deleteInTurn(async (s) => {
      const deleted = await s.deleteBefore(Date.now() - maxAgeMs);
      const excess = (await s.count()) - maxCalls;
      return excess > 0 ? deleted + (await s.deleteOldest(excess)) : deleted;
    });
  const pruneLater = () => {
    if (pruneQueued) return;
    pruneQueued = true;
    setTimeout(() => {
      pruneQueued = false;
      pruneInTurn().catch(report);
    }, 0);
  };

  const commit = async (calls: LLMCall[]) => {
    const s = await store();
    try {
      await s.put(calls);
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      // the disk is full: make room among the oldest calls and try once more
      await deleteInTurn(async (s) => s.deleteOldest(Math.max(calls.length, Math.ceil((await s.count()) / 10))));
      await s.put(calls);
    }
    events.publish({ type: "stored", ids: calls.map((c) => c.id) });
    if (batches++ % PRUNE_EVERY == 0) pruneLater();
  };
  // While a batch is committing, calls keep arriving; the next batch takes
  // all of them (up to MAX_PER_BATCH), so a burst costs a few large
  // transactions instead of many small ones.
  const step = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!buffer.length || stepQueued) return;
    stepQueued = true;
    writing = writing.then(async () => {
      stepQueued = false;
      const calls = buffer.splice(0, MAX_PER_BATCH);
      try {
        if (calls.length) await commit(calls);
      } catch (err) {
        ctx?.drop(calls.length, isQuotaError(err) ? "indexeddb-quota" : "indexeddb-write-failed");
        report(err);
      }
      settled += calls.length;
      if (buffer.length >= batchSize) step();
    });
  };
  /** resolves once every call written before it is stored (or dropped and counted) */
  const flush = async () => {
    const target = written;
    do {
      step();
      await writing;
    } while (settled < target);
  };
  const onHidden = () => {
    if (document.visibilityState == "hidden") step();
  };
  const listen = () => {
    const g = globalThis as { document?: Document; addEventListener?: typeof addEventListener };
    if (listening || !g.document || !g.addEventListener) return;
    listening = true;
    g.document.addEventListener("visibilitychange", onHidden);
    g.addEventListener("pagehide", step);
  };

  return {
    name: "indexeddb",
    attach(c) {
      ctx = c;
      listen();
    },
    write(call) {
      try {
        if (typeof call?.id != "string" || !Number.isFinite(call.startedAt)) {
          ctx?.drop(1, "indexeddb-invalid-call");
          report(new TypeError(`indexedDBSink: a call needs a string id and a numeric startedAt, got id ${call?.id}`));
          return;
        }
        listen();
        buffer.push(call);
        written++;
        if (buffer.length >= batchSize) step();
        else timer ??= setTimeout(step, flushIntervalMs);
      } catch (err) {
        report(err);
      }
    },
    feedback(callId: string, feedback: Feedback) {
      const i = buffer.findIndex((c) => c.id == callId);
      if (i >= 0) {
        buffer[i] = { ...buffer[i]!, feedback };
        return;
      }
      writing = writing
        .then(async () => {
          const found = await (await store()).update(callId, (c) => ({ ...c, feedback }));
          if (found) events.publish({ type: "feedback", id: callId });
          else report(new Error(`indexedDBSink: feedback for ${callId}, which is not stored`));
        })
        .catch(report);
    },
    flush,
    async queryCalls(query) {
      await flush();
      return (await store()).query(query);
    },
    async getCall(id) {
      await flush();
      return (await store()).get(id);
    },
    async count() {
      await flush();
      return (await store()).count();
    },
    async clear() {
      settled += buffer.length;
      buffer = [];
      await flush();
      await (await store()).clear();
      events.publish({ type: "cleared" });
    },
    async exportNDJSON(query = {}) {
      await flush();
      const s = await store();
      const pages: Blob[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.query({ ...query, limit: EXPORT_PAGE, cursor });
        pages.push(new Blob(page.calls.map((c) => JSON.stringify(c) + "\n")));
        cursor = page.cursor;
      } while (cursor);
      return new Blob(pages, { type: "application/x-ndjson" });
    },
    subscribe: (listener) => events.subscribe(listener),
    storage: async () => (await store()).kind,
    prune: async () => {
      await flush();
      return pruneInTurn();
    },
    async close() {
      await flush();
      await pruning;
      (await store()).close();
      opened = undefined;
      events.close();
      if (listening) {
        document.removeEventListener("visibilitychange", onHidden);
        removeEventListener("pagehide", step);
        listening = false;
      }
    },
  };
}
