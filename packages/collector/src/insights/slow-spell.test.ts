// Anthropic's eight streamed calls an hour among openai's thirty, its first
// token in 500–1,100 ms. Through four afternoon hours it comes four times
// later for everyone (sixteen people, two calls each): no hour holds calls
// enough to judge its p95 by, yet 32 calls of 32 slower than the usual p95 is
// no chance. The same slow calls made by one person are her run of long
// requests, and a few slow ones more than usual are chance.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import type { SqliteStore } from "../store/sqlite-store.ts";
import { loadDailySeries } from "./daily-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { slowSpells } from "./slow-spell.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const SPELL = [14, 15, 16, 17];

/** in the spell's hours, anthropic's calls `i < slowed` wait four times as long, made by `person(i)` */
interface Spell {
  slowed: number;
  person: (i: number, hour: number) => string;
  /** the days slowed (DAY unless said) */
  days?: number[];
}

function dayOfCalls(spell: Spell) {
  return (day: number): LLMCall[] =>
    Array.from({ length: 24 }, (_, hour) =>
      Array.from({ length: 38 }, (_, i) => {
        const n = (day * 24 + hour) * 38 + i;
        const anthropic = i < 8;
        const slow = anthropic && (spell.days ?? [DAY]).includes(day) && SPELL.includes(hour) && i < spell.slowed;
        const ttftMs = (500 + ((n * 7919) % 600)) * (slow ? 4 : 1);
        return makeCall({
          startedAt: dayStart(day) + hour * HOUR_MS + i * 90_000,
          provider: anthropic ? "anthropic" : "openai",
          model: anthropic ? "claude-sonnet-4-5" : "gpt-4o-mini",
          tags: { userId: slow ? spell.person(i, hour) : `u${i % 6}` },
          ttftMs,
          durationMs: ttftMs + 2_000,
        });
      }),
    ).flat();
}

/** the provider series' slow spells on `day` */
async function pointsOn(store: SqliteStore, day: number, now = dayStart(day + 1)) {
  const { scan } = await promptScan(store, FIRST, day, day);
  return slowSpells(store, "provider", await loadDailySeries(store, "provider", FIRST, day), await loadHourSlices(store, "provider", FIRST, day), await loadHourSlices(store, "all", FIRST, day), { ...scan, now });
}

/** the same, as "key:metric@hour+hours" */
const spellsOn = async (store: SqliteStore, day: number, now?: number) => (await pointsOn(store, day, now)).map((p) => `${p.key}:${p.metric}@${p.hour}+${p.hours}`);

describe("a provider slowed through a few quiet hours, for everyone", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ slowed: 8, person: (i, hour) => `u${i}-${hour % 2}` }));

  it("is found over its hours, in time to first token and in latency", async () => {
    expect(await spellsOn(store(), DAY)).toEqual(["anthropic:ttftP95@14+4", "anthropic:latencyP95@14+4"]);
    const [point] = await pointsOn(store(), DAY);
    // the run's own p95 against the usual one, over the 32 calls it held
    expect(point!.value).toBeGreaterThan(3 * point!.expected);
    expect(point!.impact).toMatchObject({ floor: "affected", amount: 32 });
  });

  it("is read on finished hours only, and not on the days before", async () => {
    // by 17:59 three hours are over, and already no chance
    expect(await spellsOn(store(), DAY, dayStart(DAY) + 18 * HOUR_MS - 60_000)).toContain("anthropic:ttftP95@14+3");
    for (let day = DAY - 7; day < DAY; day++) expect(await spellsOn(store(), day)).toEqual([]);
  });
});

describe("the same slow calls made by one person", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ slowed: 8, person: () => "u1" }));

  it("are her run of long requests, not a slowdown", async () => {
    expect(await spellsOn(store(), DAY)).toEqual([]);
  });
});

describe("a few slow calls more than usual in those hours", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ slowed: 1, person: (i, hour) => `u${i}-${hour % 2}` }));

  it("are within what chance gives", async () => {
    expect(await spellsOn(store(), DAY)).toEqual([]);
  });
});

describe("the same hours slowed the day before too", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ slowed: 8, person: (i, hour) => `u${i}-${hour % 2}`, days: [DAY - 1, DAY] }));

  it("are the level since then, told the day before, not news again", async () => {
    expect(await spellsOn(store(), DAY - 1)).toContain("anthropic:ttftP95@14+4");
    expect(await spellsOn(store(), DAY)).toEqual([]);
  });
});
