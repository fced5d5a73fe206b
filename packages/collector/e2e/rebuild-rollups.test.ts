// `llmscope rebuild-rollups` as a real child process: on a SQLite file (alone,
// and while `llmscope serve` ingests into the same file) and on PostgreSQL.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { createPostgresStore } from "../src/store/postgres/postgres-store.ts";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { runCli, startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const END = Date.UTC(2026, 2, 31);
const calls = demoCalls({ days: 10, perDay: 60, end: END });
let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

describe("llmscope rebuild-rollups on SQLite", () => {
  it("gives a store without hour rows its hours and repairs its days", async () => {
    const store = new SqliteStore(tmp.path);
    await store.ingest(calls, END);
    const days = await store.stats({ groupBy: "department", period: "day" });
    const hours = await store.stats({ groupBy: "user", period: "hour" });
    // what a store written before the hour rows looks like, with a day row gone wrong besides
    store.db.exec("DELETE FROM rollup WHERE dim LIKE '%@hour'; UPDATE rollup SET calls = calls + 5 WHERE dim = 'all'");
    await store.close();

    const r = await runCli(["rebuild-rollups", "--db", tmp.path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`rebuilding the rollups of ${calls.length} calls in ${tmp.path}`);
    expect(r.stderr).toMatch(new RegExp(`rebuilt the rollups of ${calls.length} calls in \\d+\\.\\d s`));

    const after = new SqliteStore(tmp.path, { readonly: true });
    expect(await after.stats({ groupBy: "department", period: "day" })).toEqual(days);
    expect(await after.stats({ groupBy: "user", period: "hour" })).toEqual(hours);
    expect((await after.stats({ groupBy: "all", period: "all" }))[0]!.calls).toBe(calls.length);
    await after.close();
  });

  it("counts every call once when the collector serving the file ingests meanwhile", async () => {
    const store = new SqliteStore(tmp.path);
    await store.ingest(calls, END);
    await store.close();
    const key = "rebuild-key";
    const { child, url } = await startServeProcess(["--db", tmp.path, "--write-key", key, "--read-key", key, "--rate", "0"]);
    try {
      // batches keep arriving until both rebuilds have finished
      let rebuilding = true;
      const rebuilds = Promise.all([runCli(["rebuild-rollups", "--db", tmp.path]), runCli(["rebuild-rollups", "--db", tmp.path])]).finally(() => {
        rebuilding = false;
      });
      const more: ReturnType<typeof makeCall>[] = [];
      while (rebuilding || more.length < 200) {
        const batch = Array.from({ length: 25 }, (_, i) => makeCall({ startedAt: END - 86_400_000 * (i % 9) - 3_600_000 * (more.length % 7), costUSD: 0.01 }));
        const res = await fetch(`${url}/v1/calls`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}` },
          body: JSON.stringify({ v: 1, sentAt: END, calls: batch }),
        });
        expect(res.status).toBe(200);
        more.push(...batch);
      }
      expect((await rebuilds).map((r) => r.code)).toEqual([0, 0]);
      const total = calls.length + more.length;
      const get = async (q: string) => (await (await fetch(`${url}/v1/stats?${q}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { rows: { calls: number }[] };
      expect((await get("groupBy=all&period=all")).rows[0]!.calls).toBe(total);
      expect((await get("groupBy=all&period=hour")).rows.reduce((n, r) => n + r.calls, 0)).toBe(total);
      expect((await get("groupBy=user&period=day")).rows.reduce((n, r) => n + r.calls, 0)).toBe(total);
    } finally {
      child.kill("SIGTERM");
      expect(await waitForExit(child)).toBe(0);
    }
  }, 60_000);

  it("refuses a database that does not exist, creating nothing", async () => {
    const r = await runCli(["rebuild-rollups", "--db", tmp.path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no database at ${tmp.path}`);
  });
});

describe("llmscope rebuild-rollups on PostgreSQL", () => {
  let db: TestDatabase | undefined;
  afterAll(() => db?.drop());

  it("repairs the rollups in the database the URL names", async () => {
    db = await createTestDatabase();
    const store = await createPostgresStore(db.url);
    await store.ingest(calls, END);
    const hours = await store.stats({ groupBy: "provider", period: "hour" });
    await store.pool.query("DELETE FROM rollup WHERE dim LIKE '%@hour'");
    expect(await store.stats({ groupBy: "provider", period: "hour" })).toEqual([]);
    await store.close();

    const r = await runCli(["rebuild-rollups", "--db", db.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`rebuilt the rollups of ${calls.length} calls`);
    // the URL is shown without its password
    const shown = new URL(db.url);
    if (shown.password) shown.password = "***";
    expect(r.stderr).toContain(`in ${shown.toString()}`);
    if (new URL(db.url).password) expect(r.stderr).not.toContain(db.url);

    const after = await createPostgresStore(db.url);
    expect(await after.stats({ groupBy: "provider", period: "hour" })).toEqual(hours);
    await after.close();
  }, 30_000);
});
