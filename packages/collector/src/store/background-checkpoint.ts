// Moves WAL checkpoints off the ingest thread: a worker thread with its own
// connection runs PASSIVE checkpoints on a timer, so copying pages back into
// the database (and its fsync) no longer stalls a commit. PASSIVE never blocks
// the writer; if the worker fails, the store falls back to automatic checkpoints.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (err) { parentPort.postMessage(String(err && err.message)); }
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface BackgroundCheckpoint {
  stop(): Promise<void>;
}

export function startBackgroundCheckpoint(path: string, intervalMs: number, onFailure: (reason: string) => void): BackgroundCheckpoint {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  worker.unref();
  worker.on("message", (m: string) => onFailure(m));
  worker.on("error", (err) => onFailure(err.message));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      await worker.terminate();
    },
  };
}
