// A sink that keeps calls in the browser's IndexedDB and answers queries on
// them (the devtools read it). Writes are batched: one transaction per flush.
import type { CallQuery, Feedback, LLMCall, QueryableSink, SinkContext } from "../types.ts";
import type { CallStore } from "./call-store.ts";
import { callStoreOpener } from "./open-call-store.ts";
import { storeEvents, type StoreEvent } from "./store-events.ts";
import { traceWrites, type TraceQueries, type TraceSinkOptions } from "./trace-writes.ts";
import { unloadStash } from "./unload-stash.ts";

const DAY = 86_400_000;
/** retention runs after the first stored batch and then every this many batches */
const PRUNE_EVERY = 20;
const EXPORT_PAGE = 500;
/** calls stored (and announced) together; the store slices them into transactions by main-thread time */
const MAX_PER_BATCH = 1000;

export interface IndexedDBSinkOptions extends TraceSinkOptions {
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

export interface IndexedDBSink extends QueryableSink, TraceQueries {
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
  let batches = 0;
  let pruning: Promise<number> = Promise.resolve(0);
  let pruneQueued = false;
  let listening = false;

  const open = callStoreOpener({ dbName, indexedDB: options.indexedDB, openTimeoutMs });
  /** the store once open: a page being hidden can write to it in the same task */
  let ready: CallStore | undefined;
  const stash = unloadStash(dbName);
  const traces = traceWrites(() => store(), events, () => ctx, options);
  /** batches handed to the store and not yet committed */
  const uncommitted = new Set<LLMCall[]>();
  // what an earlier page kept while it unloaded is stored before anything is read
  const recover = async (s: CallStore) => {
    const found = stash?.take();
    if (!found?.calls.length) return;
    try {
      await s.put(found.calls);
      found.forget();
      events.publish({ type: "stored", ids: found.calls.map((c) => c.id) });
    } catch (err) {
      report(err);
    }
  };
  const store = () =>
    (opened ??= open(() => (opened = ready = undefined)).then(async (s) => {
      ready = s;
      await recover(s);
      return s;
    }));

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

  // With `now` and an open store, the transaction begins before commit returns.
  const commit = async (calls: LLMCall[], now = false) => {
    uncommitted.add(calls);
    try {
      const s = (now && ready) || (await store());
      try {
        await s.put(calls, { now });
      } catch (err) {
        if (!isQuotaError(err)) throw err;
        // the disk is full: make room among the oldest calls and try once more
        await deleteInTurn(async (s) => s.deleteOldest(Math.max(calls.length, Math.ceil((await s.count()) / 10))));
        await s.put(calls);
      }
    } finally {
      uncommitted.delete(calls);
      if (!uncommitted.size && !buffer.length) stash?.clear();
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
      await settle(calls, calls.length ? commit(calls) : Promise.resolve());
      if (buffer.length >= batchSize) step();
    });
  };
  const settle = async (calls: LLMCall[], committed: Promise<void>) => {
    try {
      await committed;
    } catch (err) {
      ctx?.drop(calls.length, isQuotaError(err) ? "indexeddb-quota" : "indexeddb-write-failed");
      report(err);
    }
    settled += calls.length;
  };
  // The page may be going away and its later tasks never run: what waits is
  // written now, in one transaction begun inside this event (IndexedDB runs it
  // after any batch before it), on the store the first write opened. What is
  // not committed yet is also stashed (see unload-stash.ts): an unloading page
  // may abort the transaction; a page only hidden clears the stash once it commits.
  const hide = () => {
    if (ready && buffer.length) {
      clearTimeout(timer);
      timer = undefined;
      const calls = buffer.splice(0, MAX_PER_BATCH);
      const committed = commit(calls, true);
      writing = writing.then(() => settle(calls, committed));
    }
    step();
    if (!stash || (!uncommitted.size && !buffer.length)) return;
    const cut = stash.keep([...uncommitted].flat().concat(buffer));
    if (cut) ctx?.drop(cut, "indexeddb-unload-unstashed");
  };
  /** resolves once every call written before it is stored (or dropped and counted) */
  const flush = async () => {
    const target = written;
    do {
      step();
      await writing;
    } while (settled < target);
    await traces.flush();
  };
  const onHidden = () => {
    if (document.visibilityState == "hidden") hide();
  };
  const listen = () => {
    const g = globalThis as { document?: Document; addEventListener?: typeof addEventListener };
    if (listening || !g.document || !g.addEventListener) return;
    listening = true;
    g.document.addEventListener("visibilitychange", onHidden);
    g.addEventListener("pagehide", hide);
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
        if (!opened) void store().catch(report);
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
    ...traces.methods,
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
      await traces.clear();
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
        removeEventListener("pagehide", hide);
        listening = false;
      }
    },
  };
}
