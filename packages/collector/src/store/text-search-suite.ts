// The q filter every store must answer alike (see said-text.ts): a substring
// of a call's prompt, completion, tag values or feedback comment, whatever its
// case, and nothing else of the record; pages newest first, counts, and every
// match in order, for a rare phrase and for a word in thousands of calls.
import { describe, expect, it } from "vitest";
import type { OpenStore } from "./store-suite.ts";
import { makeCall } from "../testing/make-call.ts";
import { storePerTest } from "../testing/store-per-test.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);
/** more matches than a store looks up one by one (sqlite-text-search.ts FEW_MATCHES), so the walk in time order answers */
const COMMON = 2100;
/** more calls than SQLite checks one by one for a common word's page (WALK_BUDGET) before it walks against the index */
const NEWER = 4100;

export function textSearchSuite(name: string, open: OpenStore): void {
  describe(`${name}: text search (q)`, () => {
    const store = storePerTest(open);
    const ids = async (q: string) => (await store().listCalls({ q })).calls.map((c) => c.id).sort();

    it("finds a substring of the prompt or the completion whatever the case of either", async () => {
      const done = makeCall({ id: "done", startedAt: T0, promptText: "Ship to Zürich by FRIDAY" });
      done.completion.text = "Your parcel LEAVES the warehouse tomorrow";
      await store().ingest([done, makeCall({ id: "other", startedAt: T0 + 1, promptText: "Summarize the meeting" })], T0);
      expect(await ids("zürich BY friday")).toEqual(["done"]);
      expect(await ids("ZÜRICH")).toEqual(["done"]);
      expect(await ids("arcel leaves THE ware")).toEqual(["done"]);
      // the other call keeps the completion every made call has
      expect(await ids("asks for a REFUND")).toEqual(["other"]);
      expect(await ids("zürich by saturday")).toEqual([]);
    });

    it("finds tag values and feedback comments, given at ingest, parked before or sent after", async () => {
      await store().addFeedback([{ callId: "early", score: -1, comment: "Quoted the WRONG tariff", at: T0 }]);
      await store().ingest([
        makeCall({ id: "tagged", startedAt: T0, tags: { userId: "u1", feature: "Returns-Portal" } }),
        makeCall({ id: "early", startedAt: T0 + 1 }),
        makeCall({ id: "late", startedAt: T0 + 2 }),
      ], T0);
      await store().addFeedback([{ callId: "late", score: -1, comment: "invented a tracking number", at: T0 + 3 }]);
      expect(await ids("returns-portal")).toEqual(["tagged"]);
      expect(await ids("wrong tariff")).toEqual(["early"]);
      expect(await ids("TRACKING num")).toEqual(["late"]);
    });

    it("matches nothing outside what was said: no model, URL, parameter, key or JSON escape", async () => {
      await store().ingest([makeCall({ id: "said", startedAt: T0, promptText: 'He said "100% sure" about it\nthen left' })], T0);
      expect(await ids('"100% sure"')).toEqual(["said"]);
      expect(await ids("sure\" about it\nthen")).toEqual(["said"]);
      for (const q of ["gpt-4o-mini", "api.openai.com", "temperature", "finishReason", "\\n", "\\\"", "1_0", "100%%", "session-1"]) {
        expect(await ids(q), q).toEqual([]);
      }
    });

    it("answers queries under three characters, as literally and case-insensitively", async () => {
      await store().ingest([
        makeCall({ id: "qz", startedAt: T0, promptText: "code QZ-7" }),
        makeCall({ id: "umlaut", startedAt: T0 + 1, promptText: "ÜBER alles" }),
        makeCall({ id: "percent", startedAt: T0 + 2, promptText: "50% off" }),
      ], T0);
      expect(await ids("qz")).toEqual(["qz"]);
      expect(await ids("üb")).toEqual(["umlaut"]);
      expect(await ids("%")).toEqual(["percent"]);
      expect(await ids("_")).toEqual([]);
      expect(await store().count({ q: "Z-" })).toBe(1);
    });

    it("pages, counts and iterates a rare phrase and a word thousands of calls share, newest first", async () => {
      const calls = Array.from({ length: COMMON + 40 }, (_, n) =>
        makeCall({ id: `c${String(n).padStart(5, "0")}`, startedAt: T0 + Math.floor(n / 2), promptText: n % 40 === 3 ? `order ${n}: Lost Parcel` : `order ${n}: where is it` }));
      await store().ingest(calls.slice(0, 1000), T0);
      await store().ingest(calls.slice(1000), T0);
      const rare = calls.filter((_, n) => n % 40 === 3).map((c) => c.id).reverse();
      const every = calls.map((c) => c.id).reverse();
      for (const [q, expected] of [["lost parcel", rare], ["ORDER", every]] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store().listCalls({ q, limit: 25, ...(cursor ? { cursor } : {}) });
          seen.push(...page.calls.map((c) => c.id));
          cursor = page.cursor;
        } while (cursor && seen.length < 100);
        expect(seen, q).toEqual(expected.slice(0, seen.length));
        expect(seen.length, q).toBe(Math.min(100, expected.length));
        expect(await store().count({ q }), q).toBe(expected.length);
        expect(await store().count({ q, from: T0 + 500 }), q).toBe(expected.filter((id) => Number(id.slice(1)) >= 1000).length);
        const iterated: string[] = [];
        for await (const c of store().iterateCalls({ q, to: T0 + 20 })) iterated.push(c.id);
        expect(iterated, q).toEqual(expected.filter((id) => Number(id.slice(1)) < 40).reverse());
      }
    });

    it("finds a page of a word thousands of calls share when none of the newest thousands do", async () => {
      const calls = Array.from({ length: COMMON + NEWER }, (_, n) =>
        makeCall({ id: `c${String(n).padStart(5, "0")}`, startedAt: T0 + n, promptText: n < COMMON ? `case ${n}: a damaged box` : `case ${n}: all fine` }));
      for (let i = 0; i < calls.length; i += 1500) await store().ingest(calls.slice(i, i + 1500), T0);
      const first = await store().listCalls({ q: "DAMAGED box", limit: 30 });
      expect(first.calls.map((c) => c.id)).toEqual(calls.slice(COMMON - 30, COMMON).map((c) => c.id).reverse());
      const next = await store().listCalls({ q: "DAMAGED box", limit: 30, cursor: first.cursor! });
      expect(next.calls.map((c) => c.id)).toEqual(calls.slice(COMMON - 60, COMMON - 30).map((c) => c.id).reverse());
    });
  });
}
