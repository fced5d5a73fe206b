// The `q` filter: text in the prompt or completion, case-insensitive, with the
// characters JSON escapes and LIKE treats as wildcards matched literally.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { callFilterOf } from "../handler/query-params.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);

describe("listCalls with q", () => {
  let tmp: ReturnType<typeof tempDbPath>;
  let store: SqliteStore;
  beforeEach(async () => {
    tmp = tempDbPath();
    store = new SqliteStore(tmp.path);
    await store.ingest([
      makeCall({ id: "refund", startedAt: T0, promptText: "Where is my REFUND for order 42?" }),
      makeCall({ id: "quote", startedAt: T0 + 1, promptText: 'He said "100% sure" about it' }),
      makeCall({ id: "plain", startedAt: T0 + 2, promptText: "Summarize the meeting" }),
    ], T0);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  const ids = async (q: string) => (await store.listCalls({ q })).calls.map((c) => c.id).sort();

  it("finds prompt text whatever its case", async () => {
    expect(await ids("my refund")).toEqual(["refund"]);
    expect(await ids("Summarize THE")).toEqual(["plain"]);
  });

  it("finds completion text", async () => {
    expect(await ids("ASKS FOR A REFUND")).toEqual(["plain", "quote", "refund"]);
  });

  it("matches quotes and percent signs literally", async () => {
    expect(await ids('"100% sure"')).toEqual(["quote"]);
    expect(await ids("100%")).toEqual(["quote"]);
    expect(await ids("1_0")).toEqual([]);
  });

  it("is read from the query string and combines with the other filters", async () => {
    const filter = callFilterOf(new URL("http://127.0.0.1/v1/calls?q=%20order%2042%20&from=" + (T0 + 1)));
    expect(filter.q).toBe("order 42");
    expect((await store.listCalls(filter)).calls).toEqual([]);
    expect((await store.listCalls({ q: "order 42" })).calls.map((c) => c.id)).toEqual(["refund"]);
  });
});
