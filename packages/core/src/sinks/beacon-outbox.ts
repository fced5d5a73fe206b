// Unsent beacon batches kept in IndexedDB so they survive a reload or a closed
// tab. Loaded by dynamic import only, so idb stays out of the main bundle.
import { openDB, type IDBPDatabase } from "idb";

/** one serialized call or feedback item waiting to be sent */
export interface BeaconItem {
  id: string;
  kind: "calls" | "feedback";
  json: string;
  /** UTF-8 bytes of json */
  bytes: number;
  /** also kept in the outbox (so it is not lost if the page goes away) */
  stored?: boolean;
  tries?: number;
}

export interface Outbox {
  /** store items; resolves with how many of the oldest were pruned to stay within maxItems */
  put(items: BeaconItem[]): Promise<number>;
  remove(ids: string[]): Promise<void>;
  all(): Promise<BeaconItem[]>;
}

const STORE = "items";

interface StoredItem extends BeaconItem {
  seq: number;
}

export async function openOutbox(name: string, maxItems: number): Promise<Outbox> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: "id" }).createIndex("seq", "seq");
    },
  });
  let seq = Date.now() * 1000;
  return {
    async put(items) {
      const tx = db.transaction(STORE, "readwrite");
      for (const { stored: _s, tries: _t, ...item } of items) void tx.store.put({ ...item, seq: seq++ } satisfies StoredItem);
      const excess = (await tx.store.count()) - maxItems;
      let pruned = 0;
      if (excess > 0) {
        let cursor = await tx.store.index("seq").openCursor();
        while (cursor && pruned < excess) {
          await cursor.delete();
          pruned++;
          cursor = await cursor.continue();
        }
      }
      await tx.done;
      return pruned;
    },
    async remove(ids) {
      const tx = db.transaction(STORE, "readwrite");
      for (const id of ids) void tx.store.delete(id);
      await tx.done;
    },
    async all() {
      const rows = (await db.getAllFromIndex(STORE, "seq")) as StoredItem[];
      return rows.map(({ seq: _seq, ...item }) => ({ ...item, stored: true }));
    },
  };
}
