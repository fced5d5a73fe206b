// What is particular to retention on SQLite (the shared behaviour is in
// retention-suite.ts): rows go in chunks with the store answering between
// them, and the evaluation cursor never runs past a rowid handed out again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqliteStore } from "./sqlite-store.ts";
import { dropSqliteCallsBefore } from "./sqlite-retention.ts";
import { makeCall } from "../testing/make-call.ts";
import { makeTrace } from "../testing/make-trace.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";

const JAN = Date.UTC(2026, 0, 10);
const MAR = Date.UTC(2026, 2, 10);

describe("SQLite retention", () => {
  let opened: TempStore;
  let store: SqliteStore;
  beforeEach(() => {
    opened = openTempStore();
    store = opened.store;
  });
  afterEach(() => opened.close());

  it("deletes a chunk at a time and answers reads and ingest between chunks", async () => {
    await store.ingest(Array.from({ length: 25 }, (_, i) => makeCall({ startedAt: JAN + i })), MAR);
    const traces = Array.from({ length: 3 }, (_, i) => makeTrace({ startedAt: JAN + i, calls: 1 }).trace);
    await store.traces.ingest(traces, MAR);
    const dropping = dropSqliteCallsBefore(store.db, MAR, 10);
    // the first chunk is gone, the rest waits for the next turn of the event loop
    expect(await store.count()).toBe(15);
    expect((await store.ingest([makeCall({ startedAt: MAR })], MAR)).inserted).toHaveLength(1);
    expect(await dropping).toEqual({ partitions: ["calls_202601"], calls: 25, traces: 3 });
    expect(await store.count()).toBe(1);
    // the text-search index merges segments with deleted rows again afterwards (FTS5's default)
    expect(store.db.prepare("SELECT v FROM calls_fts_config WHERE k = 'deletemerge'").pluck().get()).toBe(10);
  });

  it("puts FTS5's delete-merge default back after a run that was cut short left it off", async () => {
    store.db.exec("INSERT INTO calls_fts (calls_fts, rank) VALUES ('deletemerge', 0)");
    await store.ingest([makeCall({ startedAt: JAN })], MAR);
    expect(await store.dropCallsBefore(MAR)).toEqual({ partitions: ["calls_202601"], calls: 1, traces: 0 });
    expect(store.db.prepare("SELECT v FROM calls_fts_config WHERE k = 'deletemerge'").pluck().get()).toBe(10);
  });

  it("moves the evaluation cursor back when the newest-arrived calls go, so the next call is still scored", async () => {
    await store.ingest([makeCall({ startedAt: MAR })], MAR);
    // a backfilled January call arrives last: it holds the highest rowid
    await store.ingest([makeCall({ startedAt: JAN })], MAR);
    expect(await store.nextForQuality(10)).toEqual([]);
    await store.dropCallsBefore(Date.UTC(2026, 1, 1));
    const next = makeCall({ startedAt: MAR + 1 });
    await store.ingest([next], MAR);
    expect((await store.nextForQuality(10)).map((c) => c.call.id)).toEqual([next.id]);
  });
});
