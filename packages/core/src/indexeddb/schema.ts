// The stored shape of a call and how older databases are brought up to date.
// Index keys are [field, startedAt]: a key range then gives "X between 14:00
// and 14:05" newest-first. An index already orders equal keys by primary key
// (the id), so the id is not repeated in the key: every index entry is written
// on each put, and shorter entries make writes cheaper.
import type { IDBPDatabase, IDBPTransaction } from "idb";
import type { LLMCall } from "../types.ts";

export const STORE = "calls";
export const SCHEMA_VERSION = 4;
export const TIME_INDEX = "by_time";
/** finished traces, by id, listed by start time (see trace-store.ts) */
export const TRACE_STORE = "traces";
export const TRACE_TIME_INDEX = "by_time";

/** the record plus flat copies of nested fields, because index key paths cannot reach into tags or error */
export interface StoredCall extends LLMCall {
  _userId?: string;
  _errorKind?: string;
}

/** the CallQuery fields an index can narrow, and the stored field each is keyed on */
export const INDEXED_FIELDS = {
  userId: "_userId",
  sessionId: "sessionId",
  fingerprint: "fingerprint",
  errorKind: "_errorKind",
  model: "model",
  provider: "provider",
} as const;

export type IndexedField = keyof typeof INDEXED_FIELDS;

export const indexName = (field: IndexedField) => `by_${field}`;

export function toStored(call: LLMCall): StoredCall {
  const row: StoredCall = { ...call };
  const userId = call.tags?.userId;
  if (userId) row._userId = userId;
  if (call.error) row._errorKind = call.error.kind;
  return row;
}

export function fromStored(row: StoredCall): LLMCall {
  const { _userId: _u, _errorKind: _e, ...call } = row;
  return call;
}

type UpgradeTx = IDBPTransaction<unknown, string[], "versionchange">;

/** the indexes of the current version: name → key path */
export function currentIndexes(): Map<string, string | string[]> {
  const indexes = new Map<string, string | string[]>([[TIME_INDEX, "startedAt"]]);
  for (const [field, path] of Object.entries(INDEXED_FIELDS)) indexes.set(indexName(field as IndexedField), [path, "startedAt"]);
  return indexes;
}

/**
 * migrations[v] takes the rows of a database from version v to v + 1; the
 * indexes are then made current by reconcileIndexes, whatever version they had
 */
const migrations: ((db: IDBPDatabase, tx: UpgradeTx) => Promise<void> | void)[] = [
  // v1: calls by id (then with a single startedAt index)
  (db) => {
    db.createObjectStore(STORE, { keyPath: "id" });
  },
  // v2: flat copies of the nested fields that indexes read
  async (_db, tx) => {
    const store = tx.objectStore(STORE);
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(toStored(fromStored(cursor.value as StoredCall)));
    }
  },
  // v3: index keys [field, startedAt] instead of [field, startedAt, id]; rows are unchanged
  () => {},
  // v4: traces beside the calls; the calls are untouched
  (db) => {
    db.createObjectStore(TRACE_STORE, { keyPath: "id" }).createIndex(TRACE_TIME_INDEX, "startedAt");
  },
];

const sameKeyPath = (a: string | string[], b: string | string[]) => JSON.stringify(a) == JSON.stringify(b);

/** drop indexes that are gone or keyed differently and create the missing ones, so any older layout ends up current */
function reconcileIndexes(tx: UpgradeTx) {
  const store = tx.objectStore(STORE);
  const wanted = currentIndexes();
  for (const name of [...store.indexNames]) {
    const keyPath = wanted.get(name);
    if (!keyPath || !sameKeyPath(store.index(name).keyPath, keyPath)) store.deleteIndex(name);
  }
  for (const [name, keyPath] of wanted) if (!store.indexNames.contains(name)) store.createIndex(name, keyPath);
}

export async function upgrade(db: IDBPDatabase, oldVersion: number, newVersion: number, tx: UpgradeTx) {
  for (let v = oldVersion; v < newVersion; v++) await migrations[v]!(db, tx);
  reconcileIndexes(tx);
}
