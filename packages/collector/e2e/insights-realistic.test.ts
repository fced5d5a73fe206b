// The anomaly-detection and root-cause proof on traffic the detector was not
// designed on, at CI size: the realistic model (heavy-tailed people who come
// and go, holidays, multi-step features, cached prefixes, huge inputs) with
// one incident of each of its eleven kinds after four weeks of ordinary days
// (the baselines' whole history; the benchmark warms up five), stored in a
// real SQLite file. Every series the anomalies endpoint reports counts toward
// false alarms. Its seed is fixed, unlike the generator's test, which draws
// one each run (see below why); LLMSCOPE_EVAL_SEED=<seed> runs another.
import { afterAll, describe, expect, it } from "vitest";
import { runRealisticEvaluation } from "../src/testing/realistic-traffic/realistic-evaluation.ts";
import { REALISTIC_KINDS } from "../src/testing/realistic-traffic/incident-plan.ts";
import { evaluationSeed, SEED_VARIABLE } from "../src/testing/evaluation-seed.ts";
import { openTempStore } from "../src/testing/temp-store.ts";

const temp = openTempStore({ synchronous: "normal" });
const store = temp.store;
afterAll(() => temp.close());
// Fixed until the detector meets its goals here. At this size its worst
// seeds sit on the floors below (nineteen seeds tried: 1–10, 41 and 101–808
// by 101; recall 8/11 on four of them, 4 false-alarm days and cause first 7/11
// on two each), so a drawn seed could land one incident under a floor and
// fail a run with no change behind it. 41, the first seed of the set the
// benchmark ran once at the end, was fixed before it was run at this size.
const seed = process.env[SEED_VARIABLE] ? evaluationSeed() : 41;

// The goals are recall ≥ 90%, false-alarm days ≤ 5% (none of the 26
// clean days here) and cause named first ≥ 90%; the detector does not meet
// them on this model yet. These are what it met on every seed tried at this
// size (~25–70 s a run): worst recall 8/11 (seeds 5, 9, 404, 606), worst
// false-alarm days 4 of 26 (seed 7: the day after a drift, a person back on a
// drifted prompt, a joiner; seed 505), worst cause first 7/11 (seeds 9, 808);
// seed 41 gave 10/11, 0 and 8/11. With the served-snapshot, holiday,
// few-people and root-cause rules added since, four of them rerun: seed 41
// 9/11, 0, 8/11; seed 5 9/11, 1, 9/11; seed 7 10/11, 3, 10/11; seed 9 8/11,
// 0, 7/11 (still on the floors). Raise them as the detector gets there;
// never below its worst.
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
