// Two `llmscope serve` processes on one PostgreSQL database, as behind a load
// balancer: beacons spread over both, some batches delivered to both (a retry
// that landed on the other instance), and every call stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beaconSink, type LLMCall } from "@llmscope/core";
import { makeCall } from "../src/testing/make-call.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/postgres-database.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const KEY = "two-collectors-key";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const get = async (url: string, path: string) => (await fetch(url + path, { headers: { authorization: `Bearer ${KEY}` } })).json();

describe("two collectors on one PostgreSQL", () => {
  it("loses and duplicates nothing, and both answer the same stats, equal to the sum of what each stored", async () => {
    const args = ["--db", db.url, "--write-key", KEY, "--read-key", KEY, "--rate", "0"];
    const collectors = await Promise.all([startServeProcess(args), startServeProcess(args)]);
    try {
      const t0 = Date.UTC(2026, 2, 4, 9);
      const calls: LLMCall[] = Array.from({ length: 2000 }, (_, i) =>
        makeCall({ startedAt: t0 + i * 1000, costUSD: 0.001 * (1 + (i % 5)), inputTokens: 100 + (i % 7), tags: { userId: `u${i % 13}`, department: i % 2 ? "support" : "sales" } }),
      );
      // four recorders' sinks, two per collector
      const sinks = [0, 1, 0, 1].map((c) => beaconSink({ url: `${collectors[c]!.url}/v1/calls`, writeKey: KEY, maxBatchCalls: 40, flushIntervalMs: 5, persist: false }));
      calls.forEach((call, i) => sinks[i % 4]!.write(call));
      // every tenth call also reaches the other collector, as a retry would after a lost answer
      calls.forEach((call, i) => i % 10 === 0 && sinks[(i + 1) % 4]!.write(call));
      await Promise.all(sinks.map((s) => s.flush()));

      const healths = await Promise.all(collectors.map((c) => get(c.url, "/v1/health")));
      const inserted = healths.map((h) => h.counters.callsInserted as number);
      expect(inserted[0]).toBeGreaterThan(0);
      expect(inserted[1]).toBeGreaterThan(0);
      expect(inserted[0]! + inserted[1]!).toBe(calls.length);
      expect(healths.map((h) => h.counters.callsDuplicate as number).reduce((a, b) => a + b)).toBe(calls.length / 10);
      expect(healths.map((h) => h.calls)).toEqual([calls.length, calls.length]);

      const totalCost = calls.reduce((s, c) => s + c.cost!.totalUSD, 0);
      const totalInput = calls.reduce((s, c) => s + c.usage.inputTokens!, 0);
      const [a, b] = await Promise.all(collectors.map((c) => get(c.url, "/v1/stats?groupBy=department&period=all")));
      expect(a.rows).toEqual(b.rows);
      expect(a.rows.reduce((n: number, r: { calls: number }) => n + r.calls, 0)).toBe(calls.length);
      expect(a.rows.reduce((n: number, r: { inputTokens: number }) => n + r.inputTokens, 0)).toBe(totalInput);
      expect(a.rows.reduce((n: number, r: { costUSD: number }) => n + r.costUSD, 0)).toBeCloseTo(totalCost, 6);

      // a call stored through one collector is read whole through the other
      const sample = calls[1234]!;
      expect(await get(collectors[0]!.url, `/v1/calls/${sample.id}`)).toEqual(sample);
    } finally {
      for (const c of collectors) c.child.kill("SIGTERM");
      await Promise.all(collectors.map((c) => waitForExit(c.child)));
    }
  });
});
