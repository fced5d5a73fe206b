import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { expect, it } from "vitest";
import { idbStore, openIDB } from "./idb-store.ts";
import { currentIndexes, INDEXED_FIELDS, SCHEMA_VERSION, STORE, toStored } from "./schema.ts";
import { makeCall, T0 } from "./test-calls.ts";

it("upgrades a version 1 database, so old rows answer the new indexes", async () => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  const v1 = await openDB("llmscope", 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "id" }).createIndex("startedAt", "startedAt");
    },
  });
  await v1.put(STORE, makeCall(3, { error: { kind: "overloaded", message: "busy" } }));
  await v1.put(STORE, makeCall(4));
  v1.close();

  const db = await openIDB(factory, "llmscope", { timeoutMs: 5000, onClosed() {} });
  expect(db.version).toBe(SCHEMA_VERSION);
  const store = idbStore(db);
  expect((await store.query({ userId: "user-3" })).calls.map((c) => c.id)).toEqual(["call-000003"]);
  expect((await store.query({ errorKind: "overloaded" })).calls.map((c) => c.id)).toEqual(["call-000003"]);
  // the flat index fields never leak into what callers get back
  expect(await store.get("call-000003")).toEqual(makeCall(3, { error: { kind: "overloaded", message: "busy" } }));
  db.close();
});

it("upgrades a version 2 database to [field, startedAt] index keys, keeping its rows and paging", async () => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  // the version 2 layout: [field, startedAt, id] keys
  const v2 = await openDB("llmscope", 2, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("by_time", ["startedAt", "id"]);
      for (const [field, path] of Object.entries(INDEXED_FIELDS)) store.createIndex(`by_${field}`, [path, "startedAt", "id"]);
    },
  });
  // 12 calls of user-1 sharing four start times, so pages end inside a tie
  const calls = Array.from({ length: 12 }, (_, i) => makeCall(i * 10 + 1, { startedAt: T0 + Math.floor(i / 3) }));
  for (const call of calls) await v2.put(STORE, toStored(call));
  v2.close();

  const db = await openIDB(factory, "llmscope", { timeoutMs: 5000, onClosed() {} });
  expect(db.version).toBe(SCHEMA_VERSION);
  const tx = db.transaction(STORE);
  const keyPaths = Object.fromEntries([...tx.store.indexNames].map((name) => [name, tx.store.index(name).keyPath]));
  expect(keyPaths).toEqual(Object.fromEntries(currentIndexes()));
  expect(keyPaths["by_userId"]).toEqual(["_userId", "startedAt"]);

  const store = idbStore(db);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({ userId: "user-1", limit: 5, cursor });
    seen.push(...page.calls.map((c) => c.id));
    cursor = page.cursor;
  } while (cursor);
  const newestFirst = [...calls].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1)).map((c) => c.id);
  expect(seen).toEqual(newestFirst);
  expect(await store.deleteBefore(T0 + 2)).toBe(6);
  expect(await store.count()).toBe(6);
  db.close();
});
