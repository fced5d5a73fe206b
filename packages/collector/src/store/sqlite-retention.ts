// Retention on SQLite, with PostgreSQL's meaning (postgres/partitions.ts):
// every month that ends at or before the cutoff loses its calls and its
// traces; the rollups stay, so stats and cost history outlive the raw rows.
// What hangs off a call goes with its row: feedback and quality scores live
// in it, its text-search entry is deleted by the calls_fts_delete trigger,
// and a trace's steps are inside the trace's record. SQLite has no partition
// to drop, so rows are deleted oldest first in chunks, each its own short
// transaction, and the event loop is yielded between chunks: a serving
// collector goes on answering and ingesting while a month is dropped.
import type Database from "better-sqlite3";
import { monthPartition, type MonthPartition, type RetentionResult } from "./months.ts";

/**
 * rows per transaction: ~10 ms of deleting each. Deleting from the text-search
 * index costs more per row the more rows one transaction deletes (measured:
 * 250 rows 10 ms, 500 rows 55 ms, 1,000 rows 420 ms), so chunks stay small.
 */
export const RETENTION_CHUNK = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** pages of text-search merging per step */
const MERGE_PAGES = 200;

/** merges the text-search index's segments a bounded step at a time until no work is left */
async function tidyTextSearch(db: Database.Database): Promise<void> {
  const merge = db.prepare(`INSERT INTO calls_fts (calls_fts, rank) VALUES ('merge', ${MERGE_PAGES})`);
  const changes = db.prepare("SELECT total_changes()").pluck();
  for (;;) {
    const before = changes.get() as number;
    merge.run();
    // FTS5's own test for "nothing was merged"
    if ((changes.get() as number) - before < 2) return;
    await nextTurn();
  }
}

export async function dropSqliteCallsBefore(db: Database.Database, cutoff: number, chunk = RETENTION_CHUNK): Promise<RetentionResult> {
  // the month the cutoff falls in stays whole
  const boundary = monthPartition(cutoff).from;
  const deleteOldest = (table: "calls" | "traces") =>
    db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE started_at < ? ORDER BY started_at LIMIT ?) RETURNING started_at`).pluck();
  const calls = deleteOldest("calls");
  const traces = deleteOldest("traces");
  // the evaluation loop reads calls by rowid; when the newest rows go, SQLite
  // hands their rowids out again, so the cursor must not stay past them
  const rewindQualityCursor = db.prepare("UPDATE quality_cursor SET seq = MIN(seq, (SELECT COALESCE(MAX(rowid), 0) FROM calls))");
  const months = new Set<string>();
  let month: MonthPartition | undefined;
  const dropChunk = db.transaction((statement: Database.Statement, ofCalls: boolean): number => {
    const startedAts = statement.all(boundary, chunk) as number[];
    if (ofCalls) {
      for (const t of startedAts) {
        if (!month || t < month.from || t >= month.to) month = monthPartition(t);
        months.add(month.name);
      }
      rewindQualityCursor.run();
    }
    return startedAts.length;
  });
  const dropAll = async (statement: Database.Statement, ofCalls: boolean): Promise<number> => {
    for (let total = 0; ; await nextTurn()) {
      const n = dropChunk(statement, ofCalls);
      total += n;
      if (n < chunk) return total;
    }
  };
  // A text-search segment with many deleted rows is rewritten whole as soon
  // as that is noticed (FTS5 "deletemerge"): seconds in one chunk. It is held
  // off while rows go, then the index is tidied in bounded steps.
  // (0 is what a run cut short by a crash leaves behind: FTS5's default, 10, is put back then)
  const deleteMerge = Math.trunc(Number(db.prepare("SELECT v FROM calls_fts_config WHERE k = 'deletemerge'").pluck().get() ?? 10)) || 10;
  // (FTS5 takes these settings as integers, and a bound JS number arrives as a real)
  const setDeleteMerge = (percent: number) => db.exec(`INSERT INTO calls_fts (calls_fts, rank) VALUES ('deletemerge', ${percent})`);
  setDeleteMerge(0);
  let callsDropped: number;
  try {
    callsDropped = await dropAll(calls, true);
  } finally {
    setDeleteMerge(deleteMerge);
  }
  await tidyTextSearch(db);
  const tracesDropped = await dropAll(traces, false);
  // rows go oldest first, so the months were met in order
  return { partitions: [...months], calls: callsDropped, traces: tracesDropped };
}
