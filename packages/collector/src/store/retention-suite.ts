// Retention as every store shares it (part of the CallStore suite, run against
// SQLite and PostgreSQL): whole months of calls go with their traces and what
// hangs off a call; the rollups stay.
import { beforeEach, describe, expect, it } from "vitest";
import type { CallStore } from "./call-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { makeTrace } from "../testing/make-trace.ts";

const JAN = Date.UTC(2026, 0, 15);
const FEB = Date.UTC(2026, 1, 10);
const MAR = Date.UTC(2026, 2, 1);

/** run inside the CallStore suite's describe, on the store it opened for each test */
export function retentionTests(storeOf: () => CallStore): void {
  describe("retention", () => {
    let store: CallStore;
    beforeEach(() => {
      store = storeOf();
    });

    it("drops the months that end by the cutoff: their calls, feedback, text search and traces; rollups stay", async () => {
      const old = makeCall({ startedAt: JAN, costUSD: 1, promptText: "where is parcel zebra-17" });
      const janTrace = makeTrace({ startedAt: JAN + 60_000, calls: 2 });
      const febTrace = makeTrace({ startedAt: FEB, calls: 2 });
      const kept = [makeCall({ startedAt: FEB, costUSD: 1 }), makeCall({ startedAt: MAR, costUSD: 1 })];
      await store.ingest([old, ...janTrace.calls, ...febTrace.calls, ...kept], MAR);
      await store.traces!.ingest([janTrace.trace, febTrace.trace], MAR);
      await store.addFeedback([{ callId: old.id, score: -1, comment: "zebra lost", at: JAN + 5 }]);
      expect(await store.count({ q: "zebra" })).toBe(1);

      // a cutoff inside February keeps February: only whole months go
      expect(await store.dropCallsBefore!(Date.UTC(2026, 1, 20))).toEqual({ partitions: ["calls_202601"], calls: 3, traces: 1 });
      expect(await store.count()).toBe(4);
      expect(await store.getCall(old.id)).toBeUndefined();
      expect(await store.count({ q: "zebra" })).toBe(0);
      expect(await store.traces!.getTrace(janTrace.trace.id)).toBeUndefined();
      expect((await store.traces!.getTrace(febTrace.trace.id))!.calls).toHaveLength(2);
      // rollups outlive the raw calls and traces
      expect((await store.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: 7 });
      expect((await store.traces!.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ traces: 2 });
      // nothing left before the cutoff: a second run drops nothing
      expect(await store.dropCallsBefore!(Date.UTC(2026, 1, 20))).toEqual({ partitions: [], calls: 0, traces: 0 });

      // a January call sent again later is a new call; feedback for it waits for it again
      expect(await store.addFeedback([{ callId: old.id, score: 1, at: MAR }])).toEqual({ applied: 0, pending: [old.id] });
      expect((await store.ingest([old], MAR)).inserted).toHaveLength(1);
      expect((await store.getCall(old.id))!.feedback).toEqual({ score: 1, at: MAR });
    });

    it("drops every whole month before the cutoff, oldest first, and none at a cutoff inside the first", async () => {
      const months = [0, 1, 2, 3].map((m) => makeCall({ startedAt: Date.UTC(2025, 10 + m, 3) }));
      await store.ingest(months, MAR);
      expect(await store.dropCallsBefore!(Date.UTC(2025, 10, 30))).toEqual({ partitions: [], calls: 0, traces: 0 });
      expect(await store.dropCallsBefore!(Date.UTC(2026, 1, 1))).toEqual({ partitions: ["calls_202511", "calls_202512", "calls_202601"], calls: 3, traces: 0 });
      expect((await store.listCalls({})).calls.map((c) => c.id)).toEqual([months[3]!.id]);
    });
  });
}
