// Two collectors on one PostgreSQL; one is killed with kill -9 mid-ingest. Every
// batch it acknowledged is stored, the senders re-send what it never answered
// to the survivor, and nothing ends up stored twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { createPostgresStore } from "../src/store/postgres/postgres-store.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/postgres-database.ts";
import { postBatch } from "./helpers/post-batch.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const KEY = "pg-kill-test-key";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const batches: LLMCall[][] = Array.from({ length: 300 }, (_, b) =>
  Array.from({ length: 50 }, (_, i) => makeCall({ id: `b${b}-c${i}`, startedAt: Date.UTC(2026, 2, 4) + b * 1000 + i, costUSD: 0.01 })),
);

const send = (url: string, batch: LLMCall[]) => postBatch(url, KEY, batch);

describe("kill -9 of one of two collectors on PostgreSQL", () => {
  it("keeps every batch the killed one acknowledged, and the survivor takes the rest without duplicates", async () => {
    const args = ["--db", db.url, "--write-key", KEY, "--rate", "0"];
    const [doomed, survivor] = await Promise.all([startServeProcess(args), startServeProcess(args)]);
    try {
      const ackedByDoomed = new Set<number>();
      const unanswered: number[] = [];
      let next = 0;
      let killed = false;
      // six concurrent senders alternate between the collectors; the first is killed mid-stream
      const sender = async () => {
        while (next < batches.length) {
          const b = next++;
          if (b === 120 && !killed) {
            killed = true;
            doomed.child.kill("SIGKILL");
          }
          const target = b % 2 === 0 ? doomed : survivor;
          try {
            const status = await send(target.url, batches[b]!);
            if (status !== 200) throw new Error(`status ${status}`);
            if (target === doomed) ackedByDoomed.add(b);
          } catch {
            if (target === survivor) throw new Error(`the survivor failed batch ${b}`);
            unanswered.push(b);
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, sender));
      await waitForExit(doomed.child);
      expect(doomed.child.signalCode).toBe("SIGKILL");
      expect(ackedByDoomed.size).toBeGreaterThanOrEqual(40);
      expect(unanswered.length).toBeGreaterThan(0);

      // what the dead one acknowledged is already there
      const store = await createPostgresStore(db.url);
      try {
        const t0 = Date.UTC(2026, 2, 4);
        for (const b of ackedByDoomed) expect(await store.count({ from: t0 + b * 1000, to: t0 + b * 1000 + 50 })).toBe(50);
        // the load balancer's retries: everything unanswered, plus every acknowledged batch again
        for (const b of [...unanswered, ...ackedByDoomed]) expect(await send(survivor.url, batches[b]!)).toBe(200);
        const total = batches.length * 50;
        expect(await store.count()).toBe(total);
        const [all] = await store.stats({ groupBy: "all", period: "all" });
        expect(all).toMatchObject({ calls: total });
        expect(all!.costUSD).toBeCloseTo(total * 0.01, 6);
      } finally {
        await store.close();
      }
    } finally {
      survivor.child.kill("SIGTERM");
      await waitForExit(survivor.child);
    }
  });
});
