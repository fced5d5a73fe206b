// A real SQLite store on a fresh file; close() also removes the file.
import { SqliteStore, type SqliteStoreOptions } from "../store/sqlite-store.ts";
import { tempDbPath } from "./temp-db.ts";

export interface TempStore {
  store: SqliteStore;
  close(): Promise<void>;
}

export function openTempStore(options: SqliteStoreOptions = {}): TempStore {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, options);
  return {
    store,
    async close() {
      await store.close();
      tmp.cleanup();
    },
  };
}
