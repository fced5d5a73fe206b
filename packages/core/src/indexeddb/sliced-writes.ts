// Writes a batch of rows in as few transactions as the main thread allows.
// Each put() clones its row and extracts the index keys synchronously, so a
// transaction is filled only until SLICE_MS of that work has passed; the rest
// goes into the next transaction, opened in a later task while the previous
// one commits. A flush of a few dozen calls stays one transaction; a burst of
// thousands costs large transactions (fewer commits) and no long task.
import type { IDBPDatabase } from "idb";

// Records of calls are worth less than a fast commit: "relaxed" does not wait for
// the disk to flush, so an OS crash may lose the newest batch, a tab crash not.
export const WRITE = { durability: "relaxed" } as const;

/** main-thread work per task, well under the 50 ms of a long task */
export const SLICE_MS = 8;
/** transactions committing while the next is filled; more would only queue serialized rows in memory */
const IN_FLIGHT = 2;

export interface SliceOptions {
  sliceMs?: number;
  now?: () => number;
  /** how the next slice waits for the next task */
  nextTask?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Each request's own promise rejects with AbortError when its transaction fails;
// the failure is reported once, through tx.done, so these must not go unhandled.
export const settled = (request: Promise<unknown>) => void request.catch(() => {});

/** resolves once every row is committed; rejects with the first failure (rows of committed slices stay) */
export async function putSliced(db: IDBPDatabase, store: string, rows: unknown[], options: SliceOptions = {}): Promise<number> {
  const { sliceMs = SLICE_MS, now = () => performance.now(), nextTask = macrotask } = options;
  const committing: Promise<void>[] = [];
  let transactions = 0;
  try {
    for (let i = 0; i < rows.length; ) {
      if (i > 0) await nextTask();
      const tx = db.transaction(store, "readwrite", WRITE);
      const start = now();
      try {
        // at least one row per transaction, so a slow clock cannot stall the loop
        do settled(tx.store.put(rows[i++])); while (i < rows.length && now() - start < sliceMs);
        // nothing more goes into this transaction: commit without waiting for the task to end
        tx.commit?.();
      } catch (err) {
        // a put can throw synchronously (e.g. quota, bad key): this slice is all or nothing
        tx.abort();
        await tx.done.catch(() => {});
        throw err;
      }
      transactions++;
      // awaited below, possibly after a later slice failed: never an unhandled rejection meanwhile
      tx.done.catch(() => {});
      committing.push(tx.done);
      if (committing.length >= IN_FLIGHT) await committing.shift();
    }
    await Promise.all(committing);
  } catch (err) {
    // later slices may still be committing; their failures are this one's
    await Promise.allSettled(committing);
    throw err;
  }
  return transactions;
}
