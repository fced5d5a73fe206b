import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { QualityEvaluator } from "@llmscope/core/quality";
import type { CallStore } from "../../store/call-store.ts";
import { bothStores, postgresTestStores } from "../../testing/postgres-test-stores.ts";
import { makeCall } from "../../testing/make-call.ts";
import { createQualityLoop, type QualityLoop } from "../../quality/evaluation-loop.ts";
import { createQualityAlerts } from "../../quality/quality-alerts.ts";

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 2, 10, 9);
const postgres = postgresTestStores();
afterAll(() => postgres.teardown());
const stores = bothStores(postgres);
let store: CallStore;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** the generated calls carry their score in a tag */
const fromTag: QualityEvaluator = { name: "from-tag", evaluate: (c) => ({ relevance: Number(c.tags.score), coherence: Number(c.tags.score) }) };

// a deterministic spread around a centre, like real scores wander
const spread = (centre: number, i: number) => centre + ((i * 7) % 11) - 5;

async function setup(openStore: (typeof stores)[number][1]): Promise<QualityLoop> {
  ({ store, close } = await openStore());
  return createQualityLoop({ store, evaluators: [fromTag], idleMs: 1, alerts: createQualityAlerts({ store }) });
}

async function send(loop: QualityLoop, calls: ReturnType<typeof makeCall>[]) {
  const { inserted } = await store.ingest(calls, Date.now());
  loop.forward(inserted.map((i) => i.call));
  await loop.flush();
}

const call = (promptId: string, startedAt: number, score: number) => makeCall({ startedAt, tags: { promptId, feature: "chat", score: String(score) } });

describe.each(stores)("%s", (_name, openStore) => {
  describe("quality drop against the 7-day baseline", () => {
    it("fires for the prompt whose answers got worse, not for the steady one", async () => {
      const loop = await setup(openStore);
      const week = [];
      for (let d = 1; d <= 7; d++) {
        for (let i = 0; i < 4; i++) {
          week.push(call("summary", TODAY - d * DAY + i * 1000, spread(85, d * 4 + i)));
          week.push(call("steady", TODAY - d * DAY + i * 1000, spread(85, d * 4 + i)));
        }
      }
      await send(loop, week);
      expect(await store.listAlerts({})).toEqual([]);

      // nine worse calls today: under the 10-call minimum, quiet
      await send(loop, Array.from({ length: 9 }, (_, i) => call("summary", TODAY + i * 1000, spread(60, i))));
      expect(await store.listAlerts({})).toEqual([]);

      await send(loop, [call("summary", TODAY + 9000, 60), ...Array.from({ length: 12 }, (_, i) => call("steady", TODAY + i * 1000, spread(84, i)))]);
      const alerts = await store.listAlerts({});
      expect(alerts).toHaveLength(1);
      const [alert] = alerts;
      expect(alert).toMatchObject({ kind: "quality_drop", subject: "summary", threshold: 15 });
      expect(alert!.value).toBeLessThan(66);
      expect(alert!.baseline).toBeGreaterThan(80);
      expect(alert!.evidence.length).toBeGreaterThan(0);
      expect(loop.qualityStats().alertsFired).toBe(1);

      // the same day does not fire twice
      await send(loop, [call("summary", TODAY + 20_000, 40)]);
      expect(await store.listAlerts({})).toHaveLength(1);
    });
  });

  describe("satisfaction drop against the 7-day baseline", () => {
    it("fires when today's share of 👍 falls 20 points below the week's, once feedback arrives", async () => {
      const loop = await setup(openStore);
      const week = Array.from({ length: 10 }, (_, i) => call("support", TODAY - (1 + (i % 7)) * DAY, 80));
      await send(loop, week);
      // the week: 9 of 10 votes up
      const weekVotes = week.map((c, i) => ({ callId: c.id, score: (i === 0 ? -1 : 1) as 1 | -1, at: TODAY }));
      await store.addFeedback(weekVotes);
      loop.feedbackArrived(weekVotes.map((v) => v.callId));
      await loop.flush();
      expect(await store.listAlerts({})).toEqual([]);

      const today = Array.from({ length: 6 }, (_, i) => call("support", TODAY + i * 1000, 80));
      await send(loop, today);
      const votes = today.map((c, i) => ({ callId: c.id, score: (i < 2 ? 1 : -1) as 1 | -1, at: TODAY + 10_000 }));
      await store.addFeedback(votes);
      loop.feedbackArrived(votes.map((v) => v.callId));
      await loop.flush();
      const alerts = await store.listAlerts({});
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ kind: "satisfaction_drop", subject: "support", value: 0.333, baseline: 0.9, threshold: 0.2 });
      expect(alerts[0]!.evidence.sort()).toEqual(today.slice(2).map((c) => c.id).sort());
    });
  });
});
