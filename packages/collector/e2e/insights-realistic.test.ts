// The anomaly-detection and root-cause proof on traffic the detector was not
// designed on, at CI size: the realistic model (heavy-tailed people who come
// and go, holidays, multi-step features, cached prefixes, huge inputs) with
// one incident of each of its eleven kinds after four weeks of ordinary days
// (the baselines' whole history; the benchmark warms up five), stored in a
// real SQLite file. Every series the anomalies endpoint reports counts toward
// false alarms. Each run draws its seed, as the generator's test does (in the
// test's name; LLMSCOPE_EVAL_SEED=<seed> replays it): the floors must hold on
// any seed, not on one chosen.
import { afterAll, describe, expect, it } from "vitest";
import { runRealisticEvaluation } from "../src/testing/realistic-traffic/realistic-evaluation.ts";
import { REALISTIC_KINDS } from "../src/testing/realistic-traffic/incident-plan.ts";
import { evaluationSeed, SEED_VARIABLE } from "../src/testing/evaluation-seed.ts";
import { openTempStore } from "../src/testing/temp-store.ts";

const temp = openTempStore({ synchronous: "normal" });
const store = temp.store;
afterAll(() => temp.close());
const seed = evaluationSeed();

// The goals are recall ≥ 90%, false-alarm days ≤ 5% (none of the 26
// clean days here) and cause named first ≥ 90%; the detector does not meet
// them on every seed of this model yet. The floors are one incident (one day)
// short of its worst on sixteen seeds run at this size, picked before they
// were run (137, 2718, 31415, 55555, 90210, 123457, 271828, 314159, 424242,
// 500001, 618033, 707107, 777777, 841471, 909090, 999983; ~20–45 s each):
// worst recall 9/11 (777777), worst false-alarm days 3 of 26 (841471), worst
// cause first 9/11 (137, 271828, 777777, 841471); eleven of the sixteen found
// 10 or 11 with no false-alarm day. The margin is there because a drawn seed
// is one nobody has run. Raise the floors as the detector gets there.
const RECALL = 8 / 11;
const FALSE_ALARM_DAYS = 4;
const CAUSE_FIRST = 8 / 11;

describe(`anomaly detection and root-cause analysis on the realistic traffic model, seed ${seed} (${SEED_VARIABLE}=${seed} replays it)`, () => {
  it(`finds ≥ 8 of its 11 incidents with ≤ ${FALSE_ALARM_DAYS} false-alarm days of 26 over every series, and names the cause first in ≥ 8`, async () => {
    const result = await runRealisticEvaluation({ store, incidents: REALISTIC_KINDS.length, seed, warmupDays: 28 });
    expect(result.incidents).toBe(REALISTIC_KINDS.length);
    expect(Object.keys(result.byKind).sort()).toEqual([...REALISTIC_KINDS].sort());
    const misses = result.outcomes.filter((o) => !o.rcaCorrect).map((o) => `${o.incident.kind}: ${o.sentence ?? "not detected"}`).join("\n");
    expect(result.recall, misses).toBeGreaterThanOrEqual(RECALL);
    expect(result.cleanDays).toBe(26);
    expect(result.falseAlarmDays, result.falseAlarms.map((a) => a.message).join("\n")).toBeLessThanOrEqual(FALSE_ALARM_DAYS);
    expect(result.rcaAccuracy, misses).toBeGreaterThanOrEqual(CAUSE_FIRST);
  }, 300_000);
});
