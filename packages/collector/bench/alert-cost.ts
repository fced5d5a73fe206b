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
      const { inserted } = await store.ingest(calls.slice(i, i + batchSize), Date.now());
      const t1 = performance.now();
      fired += (await engine.evaluate(inserted)).length;
      evaluateMs += performance.now() - t1;
      ingestMs += t1 - t0;
    }
  } finally {
    await store.close();
    tmp.cleanup();
  }
  return { calls: calls.length, batchSize, ingestUsPerCall: (ingestMs * 1000) / calls.length, evaluateUsPerCall: (evaluateMs * 1000) / calls.length, alertsFired: fired };
}
