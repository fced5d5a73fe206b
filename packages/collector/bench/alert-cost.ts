// What alert evaluation adds per ingested call: the same batches stored with
// the engine off and on, timing ingest and evaluation separately.
import { createAlertEngine } from "../src/alerts/alert-engine.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

export interface AlertCostResult {
  calls: number;
  batchSize: number;
  ingestUsPerCall: number;
  evaluateUsPerCall: number;
  alertsFired: number;
}

export interface BackfillResult {
  calls: number;
  /** ingest and alert evaluation together, calls per second */
  liveCallsPerSecond: number;
  backfillCallsPerSecond: number;
  liveAlerts: number;
  backfillAlerts: number;
}

/** the same month of calls stored with every alert rule on, once replayed as live traffic (each batch received as it was made) and once as a backfill received today */
export async function benchBackfill(batchSize = 250, days = 30, perDay = 2000): Promise<BackfillResult> {
  const calls = demoCalls({ days, perDay, end: Date.UTC(2026, 2, 31), seed: 11 });
  const run = async (receivedAt: (batch: typeof calls) => number) => {
    const tmp = tempDbPath();
    const store = new SqliteStore(tmp.path, { synchronous: "normal" });
    const engine = createAlertEngine({ store });
    let fired = 0;
    const t0 = performance.now();
    try {
      for (let i = 0; i < calls.length; i += batchSize) {
        const batch = calls.slice(i, i + batchSize);
        const { inserted } = await store.ingest(batch, Date.now());
        fired += (await engine.evaluate(inserted, [], receivedAt(batch))).length;
      }
      return { callsPerSecond: calls.length / ((performance.now() - t0) / 1000), fired };
    } finally {
      await store.close();
      tmp.cleanup();
    }
  };
  const live = await run((batch) => Math.max(...batch.map((c) => c.startedAt)));
  const backfill = await run(() => Date.now());
  return { calls: calls.length, liveCallsPerSecond: live.callsPerSecond, backfillCallsPerSecond: backfill.callsPerSecond, liveAlerts: live.fired, backfillAlerts: backfill.fired };
}

export async function benchAlertCost(batchSize = 250): Promise<AlertCostResult> {
  const calls = demoCalls({ days: 30, perDay: 2000, end: Date.UTC(2026, 2, 31), seed: 11 });
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, { synchronous: "normal" });
  const engine = createAlertEngine({ store });
  let ingestMs = 0;
  let evaluateMs = 0;
  let fired = 0;
  try {
    for (let i = 0; i < calls.length; i += batchSize) {
      const t0 = performance.now();
      const batch = calls.slice(i, i + batchSize);
      const { inserted } = await store.ingest(batch, Date.now());
      const t1 = performance.now();
      // replayed as live traffic: each batch received as its last call started
      fired += (await engine.evaluate(inserted, [], Math.max(...batch.map((c) => c.startedAt)))).length;
      evaluateMs += performance.now() - t1;
      ingestMs += t1 - t0;
    }
  } finally {
    await store.close();
    tmp.cleanup();
  }
  return { calls: calls.length, batchSize, ingestUsPerCall: (ingestMs * 1000) / calls.length, evaluateUsPerCall: (evaluateMs * 1000) / calls.length, alertsFired: fired };
}

// run directly: `tsx bench/alert-cost.ts [days] [calls a day]` prints the backfill figures
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchBackfill(250, Number(process.argv[2] ?? 30), Number(process.argv[3] ?? 2000)), null, 2));
