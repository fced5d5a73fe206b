// Moves WAL checkpoints off the ingest thread: a worker thread with its own
// connection runs PASSIVE checkpoints on a timer, so copying pages back into
// the database (and its fsync) no longer stalls a commit. PASSIVE never blocks
// the writer; if the worker fails, the store falls back to automatic checkpoints.
//
// Under sustained ingest a PASSIVE checkpoint never quite catches up with the
// writer, and SQLite rewinds the WAL to its start only once every frame has been
// copied back, so the file would grow without bound (gigabytes within minutes,
// every commit appending to fresh pages). When a pass leaves more than
// `rewindFrames` frames in the WAL, the worker reports it and the writer copies
// back the few frames written since that pass itself, between two commits (see
// SqliteStore), after which its next commit starts again at the head of the file.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try {
    const [pass] = db.pragma("wal_checkpoint(PASSIVE)");
    if (pass && pass.log > workerData.rewindFrames) parentPort.postMessage({ walFrames: pass.log });
  } catch (err) { parentPort.postMessage({ failure: String(err && err.message) }); }
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface BackgroundCheckpoint {
  stop(): Promise<void>;
}

export interface BackgroundCheckpointHandlers {
  /** the worker could not checkpoint */
  onFailure: (reason: string) => void;
  /** the WAL holds more than `rewindFrames` frames after a pass */
  onLargeWal: (walFrames: number) => void;
}

/** 16,384 frames of 4 KiB: a 64 MiB WAL, the store's journal_size_limit */
export const DEFAULT_REWIND_FRAMES = 16_384;

export function startBackgroundCheckpoint(
  path: string,
  intervalMs: number,
  handlers: BackgroundCheckpointHandlers,
  rewindFrames = DEFAULT_REWIND_FRAMES,
): BackgroundCheckpoint {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs, rewindFrames } });
  worker.unref();
  worker.on("message", (m: { failure?: string; walFrames?: number }) => {
    if (m.failure !== undefined) handlers.onFailure(m.failure);
    else if (m.walFrames !== undefined) handlers.onLargeWal(m.walFrames);
  });
  worker.on("error", (err) => handlers.onFailure(err.message));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      await worker.terminate();
    },
  };
}
