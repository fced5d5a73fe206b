// Unsent beacon batches kept in IndexedDB so they survive a reload or a closed
// tab. Loaded by dynamic import only (browsers with persistence on), so idb and
// all of the bookkeeping here stay out of the main bundle.
import { openDB, type IDBPDatabase } from "idb";
import { settled } from "../indexeddb/sliced-writes.ts";

const OPEN_TIMEOUT_MS = 3000;
import type { SinkContext } from "../types.ts";

/** one serialized call or feedback item waiting to be sent */
export interface BeaconItem {
  id: string;
  kind: "calls" | "feedback" | "traces";
  json: string;
  /** UTF-8 bytes of json */
  bytes: number;
  /** also kept in the outbox (so it is not lost if the page goes away) */
  stored?: boolean;
  /** a call sent without its prompt.text, for a collector that rebuilds it */
  slim?: boolean;
}

export interface Outbox {
  /** keep the items not kept yet (flagging them `stored`) until they are done */
  keep(items: BeaconItem[]): void;
  /** delivered or rejected: remove the kept ones among them; settles once the removal has committed (or failed) */
  done(items: BeaconItem[]): Promise<void>;
}

const STORE = "items";

interface StoredItem extends BeaconItem {
  seq: number;
}

/**
 * Opens the outbox, hands everything it holds to `resend` now and whenever the
 * browser comes back online. Failures are reported to ctx, never thrown; calls
 * pruned to stay within maxItems are counted as `beacon-outbox-full`.
 */
export async function openOutbox(
  name: string,
  maxItems: number,
  ctx: SinkContext,
  resend: (items: BeaconItem[]) => void,
): Promise<Outbox> {
  // an open can hang (a blocked upgrade, some private modes): sending must not wait on it
  let timer: ReturnType<typeof setTimeout> | undefined;
  const db: IDBPDatabase = await Promise.race([
    openDB(name, 1, {
      upgrade(d) {
        d.createObjectStore(STORE, { keyPath: "id" }).createIndex("seq", "seq");
      },
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`opening IndexedDB "${name}" took over ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  let seq = Date.now() * 1000;
  // IndexedDB runs read-write transactions on one store in the order they are made
  const guard = (work: Promise<unknown>) => void work.catch((e) => ctx.error(e));

  const put = async (items: BeaconItem[]) => {
    const tx = db.transaction(STORE, "readwrite");
    for (const { stored: _s, ...item } of items) settled(tx.store.put({ ...item, seq: seq++ } satisfies StoredItem));
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
    if (pruned) ctx.drop(pruned, "beacon-outbox-full");
  };
  const remove = async (ids: string[]) => {
    const tx = db.transaction(STORE, "readwrite");
    for (const id of ids) settled(tx.store.delete(id));
    await tx.done;
  };
  const reload = () =>
    guard(
      db.getAllFromIndex(STORE, "seq").then((rows: StoredItem[]) => resend(rows.map(({ seq: _seq, ...item }) => ({ ...item, stored: true })))),
    );

  (globalThis as { addEventListener?: (type: string, fn: () => void) => void }).addEventListener?.("online", reload);
  reload();
  return {
    keep(items) {
      const fresh = items.filter((i) => !i.stored);
      for (const i of fresh) i.stored = true;
      if (fresh.length) guard(put(fresh));
    },
    done(items) {
      const ids = items.filter((i) => i.stored).map((i) => i.id);
      return ids.length ? remove(ids).catch((e) => ctx.error(e)) : Promise.resolve();
    },
  };
}
