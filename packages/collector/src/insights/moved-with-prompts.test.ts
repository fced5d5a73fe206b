// Six people use one prompt, thirty calls a day each. When the prompt's
// context doubles for everyone, that is the prompt's news, not six people's;
// when one person's own calls double while the others' do not, it is hers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const PEOPLE = 6;
const PER_PERSON = 30;

function dayOfCalls(day: number, grown: (user: string) => boolean): LLMCall[] {
  return Array.from({ length: PEOPLE * PER_PERSON }, (_, i) => {
    const user = `u${i % PEOPLE}`;
    const input = (grown(user) ? 2400 : 1200) + (i % 9) * 40;
    return makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 120_000, inputTokens: input, tags: { userId: user, department: "support", feature: "chat", promptId: "chat.answer" } });
  });
}

let temp: TempStore;
beforeEach(async () => {
  temp = openTempStore();
  for (let d = FIRST; d < DAY; d++) await temp.store.ingest(dayOfCalls(d, () => false), dayStart(d));
}, 60_000);
afterEach(() => temp.close());

const tokensPerRequest = async () =>
  (await detectAnomalies(temp.store, { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1), hourly: false, metrics: ["tokensPerRequest"] })).map((a) => `${a.dimension}=${a.key}`);

describe("a person's per-request measure", () => {
  it("is not news of hers when her prompt moved for everyone", async () => {
    await temp.store.ingest(dayOfCalls(DAY, () => true), dayStart(DAY));
    const found = await tokensPerRequest();
    expect(found).toContain("prompt=chat.answer");
    expect(found.filter((k) => k.startsWith("user="))).toEqual([]);
  });

  it("is hers when the others' calls of the same prompt did not move", async () => {
    await temp.store.ingest(dayOfCalls(DAY, (u) => u === "u3"), dayStart(DAY));
    expect(await tokensPerRequest()).toContain("user=u3");
  });
});
