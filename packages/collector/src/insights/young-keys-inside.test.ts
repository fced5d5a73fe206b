// A snapshot that took over gpt-4o at 13:00 served, on its first day, only
// the afternoon's code answers; the next day it serves the morning's long
// chat answers too, so its own output per request looks twice as long. Inside
// the code prompt its answers are as long as on its first day: the prompt's
// day is the snapshot's news going on, not a change of its own.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { loadDailySeries } from "./daily-series.ts";
import { carriedByYoungKeys, newKeysOf, type NewKeys } from "./young-keys.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const CHANGE = FIRST + 28;
const NEXT = CHANGE + 1;
const TAKEOVER = dayStart(CHANGE) + 13 * HOUR_MS;

/** chat answers 08:00–12:00 (1,000 output tokens), code answers 13:00–17:00 (300); the new snapshot triples them, or with `longer` the code answers fourfold on NEXT */
function dayOfCalls(day: number, longer = false): LLMCall[] {
  const calls: LLMCall[] = [];
  for (const [promptId, from, output] of [["chat.answer", 8, 1000], ["code.answer", 13, 300]] as const) {
    for (let i = 0; i < 40; i++) {
      const startedAt = dayStart(day) + from * HOUR_MS + i * 6 * 60_000;
      const served = startedAt >= TAKEOVER;
      const factor = served ? (longer && day === NEXT && promptId === "code.answer" ? 4 : 3) : 1;
      const call = makeCall({ startedAt, model: "gpt-4o", outputTokens: output * factor + (i % 5) * 10, tags: { promptId, userId: `u${i % 6}` } });
      call.responseModel = served ? "gpt-4o-2026-03-03" : "gpt-4o-2024-08-06";
      calls.push(call);
    }
  }
  return calls;
}

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

async function codePromptNextDay(longer: boolean): Promise<boolean> {
  for (let d = FIRST; d <= NEXT; d++) await temp.store.ingest(dayOfCalls(d, longer), dayStart(d));
  const newKeys: NewKeys = new Map();
  newKeysOf("responseModel", await loadDailySeries(temp.store, "responseModel", FIRST, NEXT), newKeys);
  const value = longer ? 1220 : 920;
  const point = { key: "code.answer", metric: "outputTokensPerRequest" as const, day: NEXT, value, expected: 320, sigma: 20 };
  return carriedByYoungKeys(temp.store, "prompt", point, 6, newKeys);
}

describe("carriedByYoungKeys, a snapshot read inside the series it feeds", () => {
  it("drops a prompt's day at the level its new snapshot has served it at since it appeared", async () => {
    expect(await codePromptNextDay(false)).toBe(true);
  }, 60_000);

  it("keeps a prompt whose answers on the new snapshot grew again", async () => {
    expect(await codePromptNextDay(true)).toBe(false);
  }, 60_000);
});
