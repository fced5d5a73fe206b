import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { expect, it } from "vitest";
import { putSliced } from "./sliced-writes.ts";

// each test sets a fresh factory first, so nothing is shared between them
const open = () => openDB("sliced", 1, { upgrade: (db) => void db.createObjectStore("rows", { keyPath: "id" }) });

/** a clock that moves 5 ms on every reading */
const steppingClock = () => {
  let t = 0;
  return () => (t += 5);
};

it("fills a transaction until the slice's time is used, then continues in the next task", async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await open();
  let tasks = 0;
  const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}` }));
  const transactions = await putSliced(db, "rows", rows, { sliceMs: 8, now: steppingClock(), nextTask: async () => void tasks++ });
  // each slice reads the clock at its start, after its first put (5 ms) and after its second (10 ms ≥ 8): two rows each
  expect(transactions).toBe(5);
  expect(tasks).toBe(4);
  expect(await db.getAllKeys("rows")).toEqual(rows.map((r) => r.id).sort());
  db.close();
});

it("keeps a small batch in one transaction", async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await open();
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}` }));
  expect(await putSliced(db, "rows", rows, { now: () => 0 })).toBe(1);
  expect(await db.count("rows")).toBe(50);
  db.close();
});

it("rejects when a slice fails; the slices committed before it stay", async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await open();
  // a row without the key path makes put throw a DataError synchronously
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }, { nope: 1 }, { id: "e" }];
  const failure = putSliced(db, "rows", rows, { sliceMs: 8, now: steppingClock(), nextTask: async () => {} });
  await expect(failure).rejects.toMatchObject({ name: "DataError" });
  expect(await db.getAllKeys("rows")).toEqual(["a", "b"]);
  db.close();
});
