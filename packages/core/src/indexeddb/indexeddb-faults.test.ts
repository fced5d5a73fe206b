import "fake-indexeddb/auto";
import { IDBFactory, IDBObjectStore } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { indexedDBSink } from "./indexeddb-sink.ts";
import { makeCall, recordingContext } from "./test-calls.ts";

const realPut = IDBObjectStore.prototype.put;
/** make the next `times` puts fail the way a full disk does */
const fillDisk = (times: number) => {
  let left = times;
  vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
    if (left-- > 0) throw new DOMException("the quota has been exceeded", "QuotaExceededError");
    return realPut.apply(this, args);
  });
};

describe("indexedDBSink under faults", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prunes the oldest and retries once when the quota is exceeded", async () => {
    const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
    const ctx = recordingContext();
    sink.attach!(ctx);
    for (let i = 0; i < 100; i++) sink.write(makeCall(i));
    await sink.flush();
    // the room made is published as any pruning is, so views drop those calls too
    let pruned = 0;
    sink.subscribe((e) => e.type == "pruned" && (pruned += e.count));
    fillDisk(1);
    for (let i = 100; i < 150; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(await sink.getCall("call-000149")).toBeDefined();
    expect(await sink.getCall("call-000000")).toBeUndefined();
    expect(await sink.count()).toBe(100);
    expect(pruned).toBe(50);
    expect(ctx.drops).toEqual({});
    await sink.close();
  });

  it("drops and counts a batch when the retry fails too, and keeps working", async () => {
    const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
    const ctx = recordingContext();
    sink.attach!(ctx);
    for (let i = 0; i < 20; i++) sink.write(makeCall(i));
    await sink.flush();
    fillDisk(2);
    for (let i = 20; i < 30; i++) sink.write(makeCall(i));
    await expect(sink.flush()).resolves.toBeUndefined();
    expect(ctx.drops).toEqual({ "indexeddb-quota": 10 });
    expect((ctx.errors[0] as DOMException).name).toBe("QuotaExceededError");
    sink.write(makeCall(30));
    await sink.flush();
    expect(await sink.getCall("call-000030")).toBeDefined();
    await sink.close();
  });

  it("keeps calls in memory with one warning when IndexedDB is missing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sink = indexedDBSink({ indexedDB: null, channel: false });
    sink.attach!(recordingContext());
    for (let i = 0; i < 60; i++) sink.write(makeCall(i));
    await sink.flush();
    expect(await sink.storage()).toBe("memory");
    expect((await sink.queryCalls({ userId: "user-1", limit: 2 })).calls.map((c) => c.id)).toEqual(["call-000051", "call-000041"]);
    expect(await sink.count()).toBe(60);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/IndexedDB is not available/);
  });

  it("falls back to memory when open fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken = {
      open() {
        throw new DOMException("The user denied permission to access the database.", "SecurityError");
      },
    } as unknown as IDBFactory;
    const sink = indexedDBSink({ indexedDB: broken, channel: false });
    sink.write(makeCall(1));
    expect(await sink.getCall("call-000001")).toBeDefined();
    expect(await sink.storage()).toBe("memory");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/denied permission/);
  });

  it("falls back to memory when another tab holds an older version open", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open("llmscope", 1);
      r.onsuccess = () => resolve(r.result);
    });
    const sink = indexedDBSink({ indexedDB: factory, channel: false });
    sink.write(makeCall(1));
    await sink.flush();
    expect(await sink.storage()).toBe("memory");
    expect(await sink.count()).toBe(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/held at an older version/);
    old.close();
  });
});
