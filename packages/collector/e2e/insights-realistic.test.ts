// The anomaly-detection and root-cause proof on traffic the detector was not
// designed on: the realistic model (heavy-tailed people who come and go,
// holidays, multi-step features, cached prefixes, huge inputs) with one
// incident of each of its eleven kinds, stored in a real SQLite file. Every
// series the anomalies endpoint reports counts toward false alarms. The
// benchmark runs the same evaluation on more seeds.
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { runRealisticEvaluation } from "../src/testing/realistic-traffic/realistic-evaluation.ts";
import { REALISTIC_KINDS } from "../src/testing/realistic-traffic/incident-plan.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

const tmp = tempDbPath();
const store = new SqliteStore(tmp.path, { synchronous: "normal" });
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("anomaly detection and root-cause analysis on the realistic traffic model", () => {
  it("finds ≥ 90% of its incidents with ≤ 5% false-alarm days over every series, and names the cause first in ≥ 90%", async () => {
    const result = await runRealisticEvaluation({ store, incidents: REALISTIC_KINDS.length, seed: 1 });
    expect(result.incidents).toBe(REALISTIC_KINDS.length);
    expect(Object.keys(result.byKind).sort()).toEqual([...REALISTIC_KINDS].sort());
    const misses = result.outcomes.filter((o) => !o.rcaCorrect).map((o) => `${o.incident.kind}: ${o.sentence ?? "not detected"}`);
    expect(result.recall, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(result.falseAlarmRate, result.falseAlarms.map((a) => a.message).join("\n")).toBeLessThanOrEqual(0.05);
    expect(result.rcaAccuracy, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});
