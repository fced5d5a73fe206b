// Calls in IndexedDB through idb. Writes are sliced by main-thread time and
// deletes run in small transactions, so neither holds the main thread for long.
import { wrap, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { CallStore } from "./call-store.ts";
import { encodeCursor, planQuery } from "./query-plan.ts";
import { putSliced, settled, WRITE } from "./sliced-writes.ts";
import { idbTraceStore } from "./trace-store.ts";
import { fromStored, indexName, SCHEMA_VERSION, STORE, TIME_INDEX, toStored, upgrade, type StoredCall } from "./schema.ts";

const DELETE_CHUNK = 500;

export interface OpenOptions {
  /** give up on an open that neither succeeds nor fails (some private modes) */
  timeoutMs: number;
  /** another tab needs a newer schema: this connection was closed for it */
  onClosed(): void;
}

/** open (creating or upgrading) the database; rejects when blocked, failing or too slow */
export function openIDB(factory: IDBFactory, name: string, options: OpenOptions): Promise<IDBPDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      settled = true;
      clearTimeout(timer);
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`opening IndexedDB "${name}" took over ${options.timeoutMs} ms`)), options.timeoutMs);
    const request = factory.open(name, SCHEMA_VERSION);
    request.onblocked = () => fail(new Error(`IndexedDB "${name}" is held at an older version by another tab`));
    request.onerror = () => fail(request.error);
    request.onupgradeneeded = (e) => {
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, string[], "versionchange">;
      // an aborted upgrade is reported through request.onerror; its done promise must not go unhandled
      tx.done.catch(() => {});
      upgrade(wrap(request.result), e.oldVersion, e.newVersion ?? SCHEMA_VERSION, tx).catch((err) => {
        tx.abort();
        fail(err);
      });
    };
    request.onsuccess = () => {
      const db = request.result;
      // the open was given up on (blocked, too slow): the connection must not linger
      if (settled) return db.close();
      settled = true;
      clearTimeout(timer);
      db.onversionchange = () => {
        db.close();
        options.onClosed();
      };
      resolve(wrap(db));
    };
  });
}

export function idbStore(db: IDBPDatabase): CallStore {
  const deleteFrom = async (range: IDBKeyRange | null, max: number) => {
    let deleted = 0;
    while (deleted < max) {
      const tx = db.transaction(STORE, "readwrite", WRITE);
      let cursor = await tx.store.index(TIME_INDEX).openKeyCursor(range);
      let n = 0;
      for (; cursor && n < DELETE_CHUNK && deleted + n < max; n++) {
        settled(tx.store.delete(cursor.primaryKey));
        cursor = await cursor.continue();
      }
      await tx.done;
      deleted += n;
      if (!cursor) break;
    }
    return deleted;
  };

  return {
    kind: "indexeddb",
    traces: idbTraceStore(db),
    async put(calls, options) {
      await putSliced(db, STORE, calls.map(toStored), options?.now ? { sliceMs: Infinity } : {});
    },
    async query(query) {
      const plan = planQuery(query);
      // an empty or inverted time range matches nothing (IDBKeyRange.bound would throw)
      if (plan.from >= plan.to) return { calls: [] };
      // index keys: [value, startedAt] for a field index, startedAt for the time index
      const key = (t: number) => (plan.field ? [plan.value!, t] : t);
      const after = plan.after && plan.after[0] < plan.to ? plan.after : undefined;
      // a page ending at [t, id] continues at time t itself (inclusive), below that id
      const range = IDBKeyRange.bound(key(plan.from), key(after ? after[0] : plan.to), false, !after);
      const tx = db.transaction(STORE);
      const source = tx.store.index(plan.field ? indexName(plan.field) : TIME_INDEX);
      const calls = [];
      let more = false;
      let cursor = await source.openCursor(range, "prev");
      // equal index keys are ordered by primary key, so the id of the last call finds the place to resume
      // (continuePrimaryKey must move backwards: a cursor already at the id itself just steps on)
      if (cursor && after && (cursor.value as StoredCall).startedAt == after[0] && cursor.primaryKey > after[1]) {
        cursor = await cursor.continuePrimaryKey(key(after[0]), after[1]);
      }
      for (; cursor; cursor = await cursor.continue()) {
        const row = cursor.value as StoredCall;
        if (!plan.matches(row)) continue;
        if (calls.length == plan.limit) {
          more = true;
          break;
        }
        calls.push(fromStored(row));
      }
      const last = calls[calls.length - 1];
      return more && last ? { calls, cursor: encodeCursor(last) } : { calls };
    },
    async get(id) {
      const row = (await db.get(STORE, id)) as StoredCall | undefined;
      return row && fromStored(row);
    },
    async update(id, change) {
      const tx = db.transaction(STORE, "readwrite", WRITE);
      const row = (await tx.store.get(id)) as StoredCall | undefined;
      if (row) await tx.store.put(toStored(change(fromStored(row))));
      await tx.done;
      return !!row;
    },
    count: () => db.count(STORE),
    clear: () => db.clear(STORE),
    deleteOldest: (n) => deleteFrom(null, n),
    deleteBefore: (startedAt) => deleteFrom(IDBKeyRange.upperBound(startedAt, true), Infinity),
    close: () => db.close(),
  };
}
