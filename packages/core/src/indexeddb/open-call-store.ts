// Where the sink keeps calls: IndexedDB when it opens, otherwise memory for
// this page only (said once on the console), and memory from then on.
import type { CallStore } from "./call-store.ts";
import { idbStore, openIDB } from "./idb-store.ts";
import { memoryStore } from "./memory-store.ts";

export interface OpenCallStoreOptions {
  dbName: string;
  /** undefined: globalThis.indexedDB; null forces memory */
  indexedDB?: IDBFactory | null;
  openTimeoutMs: number;
}

/** opens the store each time it is called; onClosed hears when the browser closed an open database */
export function callStoreOpener(options: OpenCallStoreOptions): (onClosed: () => void) => Promise<CallStore> {
  let memory: CallStore | undefined;
  const fallback = (reason: string) => {
    if (!memory) {
      console.warn(`llmscope: ${reason}; calls are kept in memory for this page only`);
      memory = memoryStore();
    }
    return memory;
  };
  return async (onClosed) => {
    if (memory) return memory;
    let factory: IDBFactory | null | undefined;
    try {
      factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
    } catch {
      // some sandboxed frames throw on the mere access
    }
    if (!factory) return fallback("IndexedDB is not available");
    try {
      return idbStore(await openIDB(factory, options.dbName, { timeoutMs: options.openTimeoutMs, onClosed }));
    } catch (err) {
      return fallback(`IndexedDB could not be opened (${(err as Error)?.message ?? err})`);
    }
  };
}
