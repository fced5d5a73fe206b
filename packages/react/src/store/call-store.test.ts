import { describe, expect, it } from "vitest";
import { clearCalls, createCallStore, upsertCalls } from "./call-store.ts";
import { makeCall } from "../test-support/make-call.ts";

describe("call store", () => {
  it("keeps calls by id in start-time order, whatever order they arrive in", () => {
    const store = createCallStore();
    const late = makeCall({ startedAt: 3000 });
    const early = makeCall({ startedAt: 1000 });
    const middle = makeCall({ startedAt: 2000 });
    upsertCalls(store, [late], 100);
    upsertCalls(store, [early, middle], 100);
    expect(store.getState().ids).toEqual([early.id, middle.id, late.id]);
  });

  it("replaces an updated call without touching the id list or other calls", () => {
    const store = createCallStore();
    const a = makeCall({ phase: "streaming", completion: { text: "Hel" } });
    const b = makeCall();
    upsertCalls(store, [a, b], 100);
    const { ids, calls } = store.getState();
    const bObject = calls.get(b.id);
    upsertCalls(store, [{ ...a, completion: { text: "Hello" } }], 100);
    const next = store.getState();
    expect(next.ids).toBe(ids);
    expect(next.calls.get(a.id)?.completion.text).toBe("Hello");
    expect(next.calls.get(b.id)).toBe(bObject);
  });

  it("gives a call a new identity even when the recorder mutates one object", () => {
    const store = createCallStore();
    const call = makeCall();
    upsertCalls(store, [call], 100);
    const first = store.getState().calls.get(call.id);
    call.feedback = { score: 1, at: 1 };
    upsertCalls(store, [call], 100);
    const second = store.getState().calls.get(call.id);
    expect(second).not.toBe(first);
    expect(second?.feedback?.score).toBe(1);
  });

  it("keeps only the newest calls over the cap and counts the evicted", () => {
    const store = createCallStore();
    const calls = Array.from({ length: 25 }, (_, i) => makeCall({ startedAt: i }));
    upsertCalls(store, calls, 10);
    const state = store.getState();
    expect(state.ids).toEqual(calls.slice(15).map((c) => c.id));
    expect(state.calls.size).toBe(10);
    expect(state.evicted).toBe(15);
  });

  it("counts errors as calls fail, recover and leave", () => {
    const store = createCallStore();
    const failing = makeCall({ startedAt: 1, error: { kind: "rate_limit", message: "slow down" } });
    upsertCalls(store, [failing, makeCall({ startedAt: 2 })], 10);
    expect(store.getState().errorCount).toBe(1);
    upsertCalls(store, [{ ...failing, error: undefined }], 10);
    expect(store.getState().errorCount).toBe(0);
    upsertCalls(store, [{ ...failing, error: { kind: "server", message: "x" } }], 10);
    upsertCalls(store, [makeCall({ startedAt: 3 })], 2);
    expect(store.getState().errorCount).toBe(0);
  });

  it("clear empties the store and keeps older calls from coming back", () => {
    const store = createCallStore();
    upsertCalls(store, [makeCall({ startedAt: 10 })], 10);
    clearCalls(store, 100);
    expect(store.getState().ids).toEqual([]);
    upsertCalls(store, [makeCall({ startedAt: 50 }), makeCall({ startedAt: 150 })], 10);
    expect(store.getState().ids).toHaveLength(1);
  });

  it("tells calls from stored history apart from this page's, through updates, eviction and clearing", () => {
    const store = createCallStore();
    const [old1, old2, old3] = [1000, 2000, 3000].map((startedAt) => makeCall({ startedAt }));
    const live = makeCall({ startedAt: 4000 });
    upsertCalls(store, [live], 3);
    upsertCalls(store, [old1!, old2!, old3!], 3, "history");
    // the cap of three pushed out the oldest stored call
    expect([...store.getState().kept]).toEqual([old2!.id, old3!.id]);
    const before = store.getState().kept;
    upsertCalls(store, [{ ...live, completion: { text: "done" } }], 3);
    expect(store.getState().kept).toBe(before);
    // this page's recorder reporting a stored call makes it this page's
    upsertCalls(store, [{ ...old3!, phase: "done" }], 3);
    expect([...store.getState().kept]).toEqual([old2!.id]);
    clearCalls(store);
    expect(store.getState().kept.size).toBe(0);
  });
});
