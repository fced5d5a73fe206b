import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "./test-calls.ts";
import { MAX_STASH_CHARS, unloadStash } from "./unload-stash.ts";

/** a Storage as the browser's: string values, keys by index */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const g = globalThis as { localStorage?: Storage };
afterEach(() => delete g.localStorage);

describe("unloadStash", () => {
  it("hands what one page kept to the next page of the same database, once", () => {
    g.localStorage = memoryStorage();
    const leaving = unloadStash("db")!;
    expect(leaving.keep([makeCall(1), makeCall(2)])).toBe(0);
    expect(unloadStash("other")!.take().calls).toEqual([]);
    const next = unloadStash("db")!;
    const found = next.take();
    expect(found.calls.map((c) => c.id)).toEqual([makeCall(2).id, makeCall(1).id]);
    found.forget();
    expect(unloadStash("db")!.take().calls).toEqual([]);
  });

  it("keeps the newest calls up to its cap and says how many did not fit", () => {
    g.localStorage = memoryStorage();
    const big = (i: number) => makeCall(i, { completion: { text: "x".repeat(MAX_STASH_CHARS / 4) } });
    const stash = unloadStash("db")!;
    expect(stash.keep([big(1), big(2), big(3), big(4), big(5)])).toBe(2);
    expect(unloadStash("db")!.take().calls.map((c) => c.id)).toEqual([big(5).id, big(4).id, big(3).id]);
  });

  it("forgets its own stash once committed, and never takes it back itself", () => {
    g.localStorage = memoryStorage();
    const stash = unloadStash("db")!;
    stash.keep([makeCall(1)]);
    expect(stash.take().calls).toEqual([]);
    stash.clear();
    expect(unloadStash("db")!.take().calls).toEqual([]);
  });

  it("counts every call as not kept when storage refuses, and is absent without localStorage", () => {
    expect(unloadStash("db")).toBeUndefined();
    g.localStorage = { ...memoryStorage(), setItem: () => { throw new DOMException("full", "QuotaExceededError"); } };
    expect(unloadStash("db")!.keep([makeCall(1), makeCall(2)])).toBe(2);
  });
});
