// Acknowledged means durable: batches answered 200 before a `kill -9` are all
// there after a restart, and re-sending every batch adds no duplicates.
import { afterAll, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postBatch } from "./helpers/post-batch.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const tmp = tempDbPath();
afterAll(() => tmp.cleanup());

const KEY = "kill-test-key";
const batches: LLMCall[][] = Array.from({ length: 400 }, (_, b) =>
  Array.from({ length: 50 }, (_, i) => makeCall({ id: `b${b}-c${i}`, startedAt: Date.UTC(2026, 2, 4) + b * 1000 + i })),
);

const send = (url: string, batch: LLMCall[]) => postBatch(url, KEY, batch);

describe("kill -9 during ingest", () => {
  it("keeps every acknowledged batch and deduplicates the re-sent ones", async () => {
    const args = ["--db", tmp.path, "--write-key", KEY, "--rate", "0"];
    const first = await startServeProcess(args);
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    // four concurrent senders; the process is killed mid-stream
    const sender = async () => {
      while (next < batches.length) {
        const b = next++;
        if (b === 120 && !killed) {
          killed = true;
          first.child.kill("SIGKILL");
        }
        try {
          if ((await send(first.url, batches[b]!)) === 200) acked.add(b);
        } catch {
          // the connection died with the process: not acknowledged
        }
      }
    };
    await Promise.all([sender(), sender(), sender(), sender()]);
    await waitForExit(first.child);
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acked.size).toBeGreaterThanOrEqual(100);

    const second = await startServeProcess(args);
    try {
      for (const b of batches) expect(await send(second.url, b)).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      await waitForExit(second.child);
    }

    const store = new SqliteStore(tmp.path);
    try {
      const ids = new Set(store.db.prepare("SELECT id FROM calls").pluck().all() as string[]);
      for (const b of acked) for (const c of batches[b]!) expect(ids.has(c.id)).toBe(true);
      expect(ids.size).toBe(batches.length * 50);
      expect(await store.count()).toBe(batches.length * 50);
      const [all] = await store.stats({ groupBy: "all", period: "all" });
      expect(all!.calls).toBe(batches.length * 50);
    } finally {
      await store.close();
    }
  });
});
