// A prompt's extra calls one person made are hers; extra calls many people
// made together are no one's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { madeByOnePerson } from "./made-by-one-person.ts";
import { CARRIES, narrowestCause } from "./narrowest-cause.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const PEOPLE = 10;

/** ten people, ten calls a day each on one prompt; on DAY `extra` gives each person's added calls */
function dayOfCalls(day: number, extra: (person: number) => number): LLMCall[] {
  const calls: LLMCall[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const n = 10 + (day === DAY ? extra(p) : 0);
    for (let i = 0; i < n; i++) {
      const at = dayStart(day) + 9 * HOUR_MS + Math.floor((i * 8 * HOUR_MS) / n);
      calls.push(makeCall({ startedAt: at, tags: { userId: `u${p}`, promptId: "assist.answer", feature: "assist" } }));
    }
  }
  return calls;
}

const prompt = (value: number): Anomaly => ({
  dimension: "prompt", key: "assist.answer", metric: "calls", day: DAY, dayLabel: dayLabel(DAY), value, expected: 100, score: 20, change: value / 100 - 1, usualCalls: 100, message: "",
  impact: { floor: "calls", amount: value - 100, share: 0.3, dayShare: 0.3 },
});

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

async function ingest(extra: (person: number) => number): Promise<void> {
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, extra), dayStart(d));
}

describe("madeByOnePerson", () => {
  it("names the person whose loop made the prompt's extra calls, with her own day", async () => {
    await ingest((p) => (p === 3 ? 300 : 0));
    const found = await madeByOnePerson(temp.store, prompt(400), CARRIES, 28);
    expect(found?.anomaly).toMatchObject({ dimension: "user", key: "u3", value: 310, expected: 10 });
    expect(found?.part).toBe(1);
    // and first, though her own series was not flagged, with her part of the prompt's 400 extra calls
    const named = await narrowestCause(temp.store, [prompt(500)], prompt(500));
    expect(named?.anomaly.key).toBe("u3");
    expect(named?.carried).toBe(0.75);
  }, 60_000);

  it("names no one when everyone made a few more calls", async () => {
    await ingest(() => 30);
    expect(await madeByOnePerson(temp.store, prompt(400), CARRIES, 28)).toBeUndefined();
    expect((await narrowestCause(temp.store, [prompt(400)], prompt(400)))?.anomaly.key).toBe("assist.answer");
  }, 60_000);
});

describe("madeByOnePerson, the whole app", () => {
  it("names the person whose loop made the app's extra calls when no narrower series was flagged", async () => {
    await ingest((p) => (p === 3 ? 300 : 0));
    const app: Anomaly = { ...prompt(400), dimension: "all", key: "" };
    const named = await narrowestCause(temp.store, [app], app);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("user=u3");
  }, 60_000);
});
