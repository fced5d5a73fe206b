// A power user's first day: 200 calls through the office day, 25 in her
// busiest hours. A nightly job's first night: 300 calls between 01:00 and
// 03:00. In an app of 1,000 requests a day, an hour of 50 (the 5% floor)
// is no one's work at a keyboard.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { workedLikeAPerson } from "./newcomer.ts";

const DAY = Date.UTC(2026, 2, 17) / 86_400_000;
let temp: TempStore;
beforeEach(async () => {
  temp = openTempStore();
  const joiner = Array.from({ length: 200 }, (_, i) => makeCall({ startedAt: dayStart(DAY) + (9 + (i % 8)) * HOUR_MS + i * 1_000, tags: { userId: "joiner" } }));
  const script = Array.from({ length: 300 }, (_, i) => makeCall({ startedAt: dayStart(DAY) + HOUR_MS + i * 20_000, tags: { userId: "svc-nightly" } }));
  await temp.store.ingest([...joiner, ...script], dayStart(DAY));
});
afterEach(() => temp.close());

describe("workedLikeAPerson", () => {
  it("is a joiner's day spread through office hours, however big", async () => {
    expect(await workedLikeAPerson(temp.store, "joiner", DAY, 50)).toBe(true);
  });

  it("is not a script's night of 150 calls an hour, nor a day without calls", async () => {
    expect(await workedLikeAPerson(temp.store, "svc-nightly", DAY, 50)).toBe(false);
    expect(await workedLikeAPerson(temp.store, "joiner", DAY + 1, 50)).toBe(false);
  });
});
