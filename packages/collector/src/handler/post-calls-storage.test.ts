// POST /v1/calls when the store fails part of a batch: the calls and the
// traces are stored side by side, so a failing trace write leaves the calls
// stored and counted, answers 503 for the client to resend, and counts the
// storage error.
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { makeTrace } from "../testing/make-trace.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { SqliteStore } from "../store/sqlite-store.ts";

let s: TestServer;
let tmp: ReturnType<typeof tempDbPath>;
let store: SqliteStore;
afterEach(async () => (await s.close(), await store.close(), tmp.cleanup()));

it("stores the calls when their traces cannot be written, answers 503 and counts the failure; the resent batch adds the traces", async () => {
  tmp = tempDbPath();
  store = new SqliteStore(tmp.path, { synchronous: "normal" });
  s = await startTestServer({ store });
  const { trace, calls } = makeTrace({ startedAt: Date.UTC(2026, 2, 4, 14) });
  // a real SQLite failure: the traces table is renamed away behind the collector's back
  const other = new Database(tmp.path);
  other.exec("ALTER TABLE traces RENAME TO traces_away");
  const failed = await s.post("/v1/calls", { v: 1, sentAt: Date.now(), calls, traces: [trace] });
  expect(failed.status, await failed.clone().text()).toBe(503);
  for (const c of calls) expect((await store.getCall(c.id))?.traceId).toBe(trace.id);
  expect(s.collector.counters()).toMatchObject({ callsInserted: 4, storageErrors: 1, tracesReceived: 0, tracesInserted: 0 });

  other.exec("ALTER TABLE traces_away RENAME TO traces");
  other.close();
  const resent = await s.post("/v1/calls", { v: 1, sentAt: Date.now(), calls, traces: [trace] });
  expect(await resent.json()).toMatchObject({ inserted: 0, duplicates: 4, traces: { inserted: 1 } });
  expect((await s.get(`/v1/traces/${trace.id}`)).status).toBe(200);
  expect(s.collector.counters()).toMatchObject({ callsInserted: 4, callsDuplicate: 4, storageErrors: 1, tracesReceived: 1, tracesInserted: 1 });
});
