// The anomaly-detection and root-cause proof on traffic the detector was not
// designed on, at CI size: the realistic model (heavy-tailed people who come
// and go, holidays, multi-step features, cached prefixes, huge inputs) with
// one incident of each of its eleven kinds after four weeks of ordinary days
// (the baselines' whole history; the benchmark warms up five), stored in a
// real SQLite file. Every series the anomalies endpoint reports counts toward
// false alarms. Each run draws its seed (in the test's name; replay one with
// LLMSCOPE_EVAL_SEED=<seed>): the figures must hold on any seed.
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
// them on this model yet. These are what it met on every seed tried at this
// size (seeds 1–10 after the young-key and prompt-peer rules, 2 and 5 again
// after the climb rule, with the same figures; ~25–70 s a run): worst recall
// 8/11 (seeds 5 and 9), worst false-alarm days 4 of 26 (seed 7: the day after
// a drift, a person back on a drifted prompt, a joiner), worst cause first
// 7/11 (seed 9). Raise them as the detector gets there; never below its worst.
const RECALL = 8 / 11;
const FALSE_ALARM_DAYS = 4;
const CAUSE_FIRST = 7 / 11;

describe(`anomaly detection and root-cause analysis on the realistic traffic model, seed ${seed} (${SEED_VARIABLE}=${seed} replays it)`, () => {
  it(`finds ≥ 8 of its 11 incidents with ≤ ${FALSE_ALARM_DAYS} false-alarm days of 26 over every series, and names the cause first in ≥ 7`, async () => {
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
