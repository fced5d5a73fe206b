// A real SQLite store for each test holding a fixture's days, the insights
// tests' shared setup: filled before each test (four weeks of calls outlast
// the default 10 s hook timeout on a loaded machine) and removed after it.
import { afterEach, beforeEach } from "vitest";
import type { LLMCall } from "@llmscope/core";
import type { SqliteStore } from "../store/sqlite-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { openTempStore, type TempStore } from "./temp-store.ts";

/** call at a test file's top or inside describe; the getter answers the running test's store */
export function daysStoredPerTest(firstDay: number, lastDay: number, dayOfCalls: (day: number) => LLMCall[]): () => SqliteStore {
  let temp: TempStore | undefined;
  beforeEach(async () => {
    temp = openTempStore();
    for (let d = firstDay; d <= lastDay; d++) await temp.store.ingest(dayOfCalls(d), dayStart(d));
  }, 60_000);
  afterEach(async () => {
    await temp?.close();
    temp = undefined;
  });
  return () => temp!.store;
}
