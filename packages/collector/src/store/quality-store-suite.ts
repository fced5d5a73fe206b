// The quality methods' shared behaviour, run against every store that has
// them by call-store.test.ts: what the evaluation loop reads, what it writes
// back, and the /v1/stats rows built from it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallStore } from "./call-store.ts";
import type { OpenStore } from "./store-suite.ts";
import { makeCall } from "../testing/make-call.ts";

const T = Date.UTC(2026, 2, 10, 9);
type QualityStore = Required<Pick<CallStore, "nextForQuality" | "saveQuality" | "qualityStats">> & CallStore;

export function qualityStoreSuite(name: string, open: OpenStore): void {
  describe(`${name}: quality storage`, () => {
    let store: QualityStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await open();
      store = opened.store as QualityStore;
      close = opened.close;
    });
    afterEach(async () => {
      await close();
    });

    it("skips calls stored before the first read, then hands out later calls in arrival order", async () => {
      await store.ingest([makeCall({ id: "old" })], T);
      expect(await store.nextForQuality(10)).toEqual([]);
      await store.ingest([makeCall({ id: "b", startedAt: T + 2 }), makeCall({ id: "a", startedAt: T + 1 })], T);
      const first = await store.nextForQuality(1);
      expect(first.map((n) => n.call)).toEqual([expect.objectContaining({ id: "b" })]);
      // saving with nothing scored still moves past the call
      await store.saveQuality([], first[0]!.seq);
      const rest = await store.nextForQuality(10);
      expect(rest.map((n) => n.call.id)).toEqual(["a"]);
      await store.saveQuality([], rest[0]!.seq);
      expect(await store.nextForQuality(10)).toEqual([]);
      expect((await store.getCall("old"))!.quality).toBeUndefined();
    });

    it("puts scores on the stored record and aggregates them by dimension", async () => {
      await store.nextForQuality(1);
      await store.ingest([
        makeCall({ id: "x", startedAt: T, model: "m1", tags: { feature: "chat", promptId: "p1" } }),
        makeCall({ id: "y", startedAt: T + 1, model: "m1", tags: { feature: "chat", promptId: "p1" } }),
        makeCall({ id: "z", startedAt: T + 2, model: "m2", tags: { feature: "search" } }),
      ], T);
      const next = await store.nextForQuality(10);
      expect(next.map((n) => n.call.id)).toEqual(["x", "y", "z"]);
      await store.saveQuality([
        { callId: "x", quality: { relevance: 80, coherence: 100, average: 90 } },
        { callId: "y", quality: { relevance: 60, accuracy: 50, coherence: 70, average: 60 } },
        { callId: "z", quality: { safety: 0, average: 0 } },
      ], next.at(-1)!.seq);
      expect((await store.getCall("y"))!.quality).toEqual({ relevance: 60, accuracy: 50, coherence: 70, average: 60 });
      const byModel = await store.qualityStats({ groupBy: "model", period: "all" });
      expect(byModel.find((r) => r.key === "m1")).toEqual({
        period: "all", key: "m1", scored: 2, relevance: 70, accuracy: 50, coherence: 85, average: 75, thumbsUp: 0, thumbsDown: 0,
      });
      expect(byModel.find((r) => r.key === "m2")).toMatchObject({ scored: 1, safety: 0, average: 0 });
      expect((await store.qualityStats({ groupBy: "all", period: "month" }))).toEqual([
        { period: "2026-03", key: "", scored: 3, relevance: 70, accuracy: 50, coherence: 85, safety: 0, average: 50, thumbsUp: 0, thumbsDown: 0 },
      ]);
      const p1 = await store.qualityStats({ groupBy: "promptId", period: "day", keys: ["p1"] });
      expect(p1).toEqual([expect.objectContaining({ period: "2026-03-10", key: "p1", scored: 2 })]);
    });

    it("counts satisfaction from feedback, following a changed vote", async () => {
      await store.ingest([
        makeCall({ id: "a", startedAt: T, tags: { feature: "chat" } }),
        makeCall({ id: "b", startedAt: T, tags: { feature: "chat" } }),
        makeCall({ id: "c", startedAt: T, tags: { feature: "search" } }),
      ], T);
      await store.addFeedback([{ callId: "a", score: 1, at: T }, { callId: "b", score: 1, at: T }, { callId: "c", score: -1, at: T }]);
      const before = await store.qualityStats({ groupBy: "feature", period: "all" });
      expect(before.find((r) => r.key === "chat")).toMatchObject({ thumbsUp: 2, thumbsDown: 0, satisfaction: 1, scored: 0 });
      await store.addFeedback([{ callId: "b", score: -1, at: T + 1 }]);
      const after = await store.qualityStats({ groupBy: "feature", period: "all" });
      expect(after.find((r) => r.key === "chat")).toMatchObject({ thumbsUp: 1, thumbsDown: 1, satisfaction: 0.5 });
      expect(after.find((r) => r.key === "search")).toMatchObject({ thumbsUp: 0, thumbsDown: 1, satisfaction: 0 });
      expect(await store.qualityStats({ groupBy: "feature", period: "all", keys: ["search"] })).toHaveLength(1);
      expect(await store.qualityStats({ groupBy: "feature", period: "all", from: T + 86_400_000 })).toEqual([]);
    });
  });
}
