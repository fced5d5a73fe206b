import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import type { CallQuery } from "../types.ts";
import type { CallStore } from "./call-store.ts";
import { idbStore, openIDB } from "./idb-store.ts";
import { memoryStore } from "./memory-store.ts";
import { makeCall, T0 } from "./test-calls.ts";

const calls = Array.from({ length: 200 }, (_, i) =>
  makeCall(i, i % 7 == 0 ? { error: { kind: i % 2 ? "rate_limit" : "server", message: "failed" }, status: 429 } : {}),
);
const expected = (q: (c: (typeof calls)[number]) => boolean) =>
  calls.filter(q).sort((a, b) => b.startedAt - a.startedAt).map((c) => c.id);

const stores: [string, () => Promise<CallStore>][] = [
  ["indexeddb", async () => idbStore(await openIDB(new IDBFactory(), "calls", { timeoutMs: 5000, onClosed() {} }))],
  ["memory", async () => memoryStore()],
];

describe.each(stores)("%s store", (_name, create) => {
  let store: CallStore;
  afterEach(() => store?.close());
  const ready = async () => {
    store = await create();
    await store.put(calls);
    return store;
  };
  const ids = async (q: CallQuery) => (await store.query({ limit: 1000, ...q })).calls.map((c) => c.id);

  it("answers by each indexed field, newest first", async () => {
    await ready();
    expect(await ids({ userId: "user-3" })).toEqual(expected((c) => c.tags.userId == "user-3"));
    expect(await ids({ sessionId: "session-1" })).toEqual(expected((c) => c.sessionId == "session-1"));
    expect(await ids({ fingerprint: "fp-2" })).toEqual(expected((c) => c.fingerprint == "fp-2"));
    expect(await ids({ model: "claude-haiku" })).toEqual(expected((c) => c.model == "claude-haiku"));
    expect(await ids({ provider: "anthropic" })).toEqual(expected((c) => c.provider == "anthropic"));
    expect(await ids({ errorKind: "rate_limit" })).toEqual(expected((c) => c.error?.kind == "rate_limit"));
    expect(await ids({})).toEqual(expected(() => true));
  });

  it("narrows a user to a time range: from inclusive, to exclusive", async () => {
    await ready();
    const from = T0 + 40_000;
    const to = T0 + 120_000;
    const got = await ids({ userId: "user-0", from, to });
    expect(got).toEqual(expected((c) => c.tags.userId == "user-0" && c.startedAt >= from && c.startedAt < to));
    expect(got[got.length - 1]).toBe("call-000040");
    expect(got).not.toContain("call-000120");
    expect(await ids({ from, to })).toHaveLength(80);
  });

  it("answers an empty or inverted time range with no calls", async () => {
    await ready();
    expect(await ids({ from: T0 + 40_000, to: T0 + 40_000 })).toEqual([]);
    expect(await ids({ userId: "user-0", from: T0 + 90_000, to: T0 + 10_000 })).toEqual([]);
  });

  it("combines an index with further filters and text search", async () => {
    await ready();
    expect(await ids({ userId: "user-2", model: "claude-haiku", provider: "openai" })).toEqual(
      expected((c) => c.tags.userId == "user-2" && c.model == "claude-haiku" && c.provider == "openai"),
    );
    expect(await ids({ text: "ANSWER 17" })).toEqual(["call-000179", "call-000178", "call-000177", "call-000176", "call-000175", "call-000174", "call-000173", "call-000172", "call-000171", "call-000170", "call-000017"]);
    expect(await ids({ text: "question 42", sessionId: "session-0" })).toEqual(["call-000042"]);
    expect(await ids({ text: "question 42", sessionId: "session-1" })).toEqual([]);
  });

  it("pages with an opaque cursor without gaps or repeats, even when times tie", async () => {
    store = await create();
    const tied = Array.from({ length: 23 }, (_, i) => makeCall(i, { startedAt: T0 + Math.floor(i / 5) }));
    await store.put(tied);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.query({ limit: 5, cursor });
      seen.push(...page.calls.map((c) => c.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const order = seen.map((id) => tied.find((c) => c.id == id)!.startedAt);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  it("gets, updates, counts, deletes oldest and by age, clears", async () => {
    await ready();
    expect((await store.get("call-000005"))?.prompt.text).toBe("user: question 5");
    expect(await store.get("nope")).toBeUndefined();
    expect(await store.update("call-000005", (c) => ({ ...c, feedback: { score: -1, at: 1 } }))).toBe(true);
    expect(await store.update("nope", (c) => c)).toBe(false);
    expect((await store.get("call-000005"))?.feedback).toEqual({ score: -1, at: 1 });
    expect(await store.count()).toBe(200);
    expect(await store.deleteOldest(30)).toBe(30);
    expect(await store.get("call-000029")).toBeUndefined();
    expect(await store.get("call-000030")).toBeDefined();
    expect(await store.deleteBefore(T0 + 100_000)).toBe(70);
    expect(await store.count()).toBe(100);
    await store.clear();
    expect(await store.count()).toBe(0);
  });

  it("rejects a bad query with a clear error", async () => {
    await ready();
    await expect(store.query({ limit: 0 })).rejects.toThrow(/limit must be an integer/);
    await expect(store.query({ cursor: "garbage" })).rejects.toThrow(/did not come from a previous page/);
    await expect(store.query({ from: Number.NaN })).rejects.toThrow(/epoch milliseconds/);
  });
});
