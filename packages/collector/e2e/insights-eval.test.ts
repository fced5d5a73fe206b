// The anomaly-detection and root-cause proof at CI size: generated traffic with
// injected incidents of known cause, stored in a real SQLite file, detected
// from the rollups. The benchmark runs the same evaluation larger.
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { runInsightsEvaluation } from "../src/testing/insights-evaluation.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

const tmp = tempDbPath();
const store = new SqliteStore(tmp.path, { synchronous: "normal" });
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("anomaly detection and root-cause analysis on generated incidents", () => {
  it("finds ≥ 90% of 20 incidents with ≤ 5% false-alarm days and names the injected cause first in ≥ 90%", async () => {
    const result = await runInsightsEvaluation({ store, incidents: 20, seed: 1, callsPerDay: 800 });
    expect(result.incidents).toBe(20);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.falseAlarmRate).toBeLessThanOrEqual(0.05);
    expect(result.rcaAccuracy).toBeGreaterThanOrEqual(0.9);
    // the call the sentence points to is one the incident made, not the key's usual traffic before it
    expect(result.firstCallInIncident / result.rcaCorrect).toBeGreaterThanOrEqual(0.9);
    // every kind of incident is represented and found
    for (const kind of Object.values(result.byKind)) expect(kind.detected).toBeGreaterThan(0);
  }, 90_000);
});
