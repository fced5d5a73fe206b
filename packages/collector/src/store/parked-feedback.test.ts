// Feedback for calls that never arrive expires, and the parked rows are capped,
// on both stores; feedback whose call does arrive is still applied.
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import type { CallStore } from "./call-store.ts";
import { postgresTestStores } from "../testing/postgres-test-stores.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { makeCall } from "../testing/make-call.ts";
import type { PostgresStore } from "./postgres/postgres-store.ts";

const postgres = postgresTestStores();
afterAll(() => postgres.teardown());
const limits = { maxRows: 5, maxAgeMs: 86_400_000 };

const stores: [string, () => Promise<{ store: CallStore; parked(): Promise<number>; placeholders(): Promise<number>; close(): Promise<void> }>][] = [
  ["SqliteStore", async () => {
    const tmp = tempDbPath();
    const store = new SqliteStore(tmp.path, { parkedFeedback: limits });
    const count = async () => store.db.prepare("SELECT COUNT(*) FROM feedback").pluck().get() as number;
    return { store, parked: count, placeholders: async () => 0, close: async () => (await store.close(), tmp.cleanup()) };
  }],
  ["PostgresStore", async () => {
    const store: PostgresStore = await postgres.open({ parkedFeedback: limits });
    const n = async (sql: string) => Number((await store.pool.query<{ n: string }>(sql)).rows[0]!.n);
    return { store, parked: () => n("SELECT COUNT(*) AS n FROM feedback"), placeholders: () => n("SELECT COUNT(*) AS n FROM call_ids WHERE started_at IS NULL"), close: () => store.close() };
  }],
];

describe.each(stores)("parked feedback (%s)", (_, open) => {
  it("expires feedback for calls that never come and keeps at most maxRows", async () => {
    const { store, parked, placeholders, close } = await open();
    try {
      const now = Date.now();
      const arriving = makeCall();
      await store.addFeedback([{ callId: "ancient", score: 1, at: now - 2 * 86_400_000 }]);
      const flood = Array.from({ length: 20 }, (_, i) => ({ callId: `made-up-${i}`, score: -1 as const, at: now - 1000 + i }));
      await store.addFeedback([...flood, { callId: arriving.id, score: 1, at: now + 5000 }]);
      expect(await parked()).toBe(5);
      expect(await placeholders()).toBeLessThanOrEqual(5);
      await store.ingest([arriving], now);
      expect((await store.getCall(arriving.id))!.feedback?.score).toBe(1);
    } finally {
      await close();
    }
  });
});
