// SIGTERM to `llmscope serve` with a scoring backlog: the collector stops
// taking work and exits instead of scoring everything first; the calls left
// unscored keep their place and the next start scores them.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { postBatch } from "./helpers/post-batch.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const tmp = tempDbPath();
afterAll(() => tmp.cleanup());
const args = ["--db", tmp.path, "--rate", "0", "--write-key", "w"];
const scored = () => {
  const db = new Database(tmp.path, { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM calls WHERE json_extract(record, '$.quality') IS NOT NULL").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe("llmscope serve on SIGTERM", () => {
  it("leaves the scoring backlog to the next start", async () => {
    const first = await startServeProcess(args);
    // the first batch puts the scoring cursor at the start; the rest is the backlog
    expect(await postBatch(first.url, "w", [makeCall()])).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const t = Date.now();
    for (let i = 0; i < 10; i++) expect(await postBatch(first.url, "w", Array.from({ length: 200 }, (_, k) => makeCall({ startedAt: t + i * 200 + k })))).toBe(200);
    first.child.kill("SIGTERM");
    expect(await waitForExit(first.child)).toBe(0);
    const leftAfterFirst = 2001 - scored();
    expect(leftAfterFirst).toBeGreaterThan(0);

    const second = await startServeProcess(args);
    for (let i = 0; i < 900 && scored() < 2000; i++) await new Promise((r) => setTimeout(r, 100));
    second.child.kill("SIGTERM");
    expect(await waitForExit(second.child)).toBe(0);
    expect(scored()).toBeGreaterThanOrEqual(2000);
  }, 180_000);
});
