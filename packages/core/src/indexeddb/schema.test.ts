import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { expect, it } from "vitest";
import { idbStore, openIDB } from "./idb-store.ts";
import { SCHEMA_VERSION, STORE } from "./schema.ts";
import { makeCall } from "./test-calls.ts";

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
