import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { startBackgroundCheckpoint } from "./background-checkpoint.ts";
import { SqliteStore } from "./sqlite-store.ts";
import { rewindWal } from "./wal-rewind.ts";

const T0 = Date.UTC(2026, 2, 4);
/** the WAL header's checkpoint sequence: SQLite bumps it each time the WAL starts again from its head */
const walSequence = (path: string) => readFileSync(`${path}-wal`).readUInt32BE(12);
const batch = (n: number, at: number) => Array.from({ length: n }, (_, i) => makeCall({ startedAt: at + i }));

describe("keeping the WAL bounded under sustained ingest", () => {
  let tmp: ReturnType<typeof tempDbPath>;
  let store: SqliteStore;
  beforeEach(async () => {
    tmp = tempDbPath();
    store = new SqliteStore(tmp.path);
    store.db.pragma("wal_autocheckpoint = 0");
    await store.ingest(batch(500, T0), T0);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("the writer's rewind makes its next commit start the WAL from the head", async () => {
    const before = walSequence(tmp.path);
    await store.ingest(batch(10, T0 + 1000), T0);
    expect(walSequence(tmp.path)).toBe(before); // without a rewind, commits append
    expect(rewindWal(store.db)).toBe(true);
    await store.ingest(batch(10, T0 + 2000), T0);
    expect(walSequence(tmp.path)).toBe(before + 1);
    expect(await store.count()).toBe(520);
  });

  it("the checkpoint worker reports a WAL over the limit", async () => {
    const frames = await new Promise<number>((resolve, reject) => {
      const worker = startBackgroundCheckpoint(tmp.path, 20, {
        onFailure: reject,
        onLargeWal: (n) => void worker.stop().then(() => resolve(n)),
      }, 16);
    });
    expect(frames).toBeGreaterThan(16);
  });
});
