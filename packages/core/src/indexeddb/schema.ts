// The stored shape of a call and how older databases are brought up to date.
// Index keys end in [startedAt, id]: a key range then gives "X between 14:00
// and 14:05" newest-first, and the id makes every position unique for paging.
import type { IDBPDatabase, IDBPTransaction } from "idb";
import type { LLMCall } from "../types.ts";

export const STORE = "calls";
export const SCHEMA_VERSION = 2;
export const TIME_INDEX = "by_time";

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

/** migrations[v] takes a database from version v to v + 1 */
const migrations: ((db: IDBPDatabase, tx: UpgradeTx) => Promise<void> | void)[] = [
  // v1: calls by id with a single time index
  (db) => {
    db.createObjectStore(STORE, { keyPath: "id" }).createIndex("startedAt", "startedAt");
  },
  // v2: flat tag fields and an [field, startedAt, id] index per question
  async (_db, tx) => {
    const store = tx.objectStore(STORE);
    store.deleteIndex("startedAt");
    store.createIndex(TIME_INDEX, ["startedAt", "id"]);
    for (const [field, path] of Object.entries(INDEXED_FIELDS)) {
      store.createIndex(indexName(field as IndexedField), [path, "startedAt", "id"]);
    }
    // rows written by v1 lack the flat fields the new indexes read
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(toStored(fromStored(cursor.value as StoredCall)));
    }
  },
];

export async function upgrade(db: IDBPDatabase, oldVersion: number, newVersion: number, tx: UpgradeTx) {
  for (let v = oldVersion; v < newVersion; v++) await migrations[v]!(db, tx);
}
