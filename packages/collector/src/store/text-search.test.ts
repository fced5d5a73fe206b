// The q filter on both stores (text-search-suite.ts), and how the query
// string reaches it.
import { afterAll, describe, expect, it } from "vitest";
import { textSearchSuite } from "./text-search-suite.ts";
import { bothStores, postgresTestStores } from "../testing/postgres-test-stores.ts";
import { openTempStore } from "../testing/temp-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { callFilterOf } from "../handler/query-params.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);
const postgres = postgresTestStores();
afterAll(() => postgres.teardown());

for (const [name, open] of bothStores(postgres)) textSearchSuite(name, open);

describe("q in the query string", () => {
  it("is trimmed and combines with the other filters", async () => {
    const { store, close } = openTempStore();
    try {
      await store.ingest([makeCall({ id: "refund", startedAt: T0, promptText: "Where is my REFUND for order 42?" })], T0);
      const filter = callFilterOf(new URL("http://127.0.0.1/v1/calls?q=%20order%2042%20&from=" + (T0 + 1)));
      expect(filter.q).toBe("order 42");
      expect((await store.listCalls(filter)).calls).toEqual([]);
      expect((await store.listCalls({ ...filter, from: T0 })).calls.map((c) => c.id)).toEqual(["refund"]);
    } finally {
      await close();
    }
  });
});
