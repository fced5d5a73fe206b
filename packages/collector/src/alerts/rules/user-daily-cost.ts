// One user's spend in one UTC day above an absolute limit.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const userDailyCostRule: AlertRule = {
  kind: "user_daily_cost",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [day, ofDay] of groupBy(batch, (c) => (c.call.tags.userId ? dayOf(c.call.startedAt) : undefined))) {
      const byUser = groupBy(ofDay, (c) => c.call.tags.userId);
      const over = (await store.rollups("user", [...byUser.keys()], day, day)).filter((r) => r.costUSD > t.userDailyCostUSD);
      for (const row of over) {
        const calls = byUser.get(row.key)!;
        drafts.push({
          kind: "user_daily_cost",
          subject: row.key,
          value: round(row.costUSD, 6),
          baseline: t.userDailyCostUSD,
          threshold: t.userDailyCostUSD,
          message: `user ${row.key} cost $${round(row.costUSD, 2)} on ${dayLabel(day)}, over the $${t.userDailyCostUSD} daily limit`,
          evidence: evidenceOf(calls),
          firedAt: latestStart(calls),
          dedupKey: `user_daily_cost:${row.key}:${dayLabel(day)}`,
        });
      }
    }
    return drafts;
  },
};
