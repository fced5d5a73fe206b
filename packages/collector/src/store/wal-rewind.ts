// The writer's half of keeping the WAL bounded (see background-checkpoint.ts).
// Run on the writing connection between two transactions: nothing can append
// meanwhile, so this PASSIVE checkpoint copies back every frame the worker's
// last pass left (only those written since), and the next commit starts the
// WAL again from its head, where journal_size_limit trims the file. PASSIVE
// never waits: if the worker is mid-pass it reports false and the caller tries
// again before its next transaction.
import type Database from "better-sqlite3";

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** true once every WAL frame is back in the database, so the next commit rewinds the WAL */
export function rewindWal(db: Database.Database): boolean {
  const [pass] = db.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[];
  return pass !== undefined && !pass.busy && pass.checkpointed === pass.log;
}
