// One user's spend in one UTC day above an absolute limit.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const userDailyCostRule: AlertRule = {
  kind: "user_daily_cost",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    const touched = groupBy(batch, (c) => (c.call.tags.userId ? `${dayOf(c.call.startedAt)}\u0000${c.call.tags.userId}` : undefined));
    for (const calls of touched.values()) {
      const userId = calls[0]!.call.tags.userId!;
      const day = dayOf(calls[0]!.call.startedAt);
      const [row] = await store.rollups("user", [userId], day, day);
      if (!row || row.costUSD <= t.userDailyCostUSD) continue;
      drafts.push({
        kind: "user_daily_cost",
        subject: userId,
        value: round(row.costUSD, 6),
        baseline: t.userDailyCostUSD,
        threshold: t.userDailyCostUSD,
        message: `user ${userId} cost $${round(row.costUSD, 2)} on ${dayLabel(day)}, over the $${t.userDailyCostUSD} daily limit`,
        evidence: evidenceOf(calls),
        firedAt: latestStart(calls),
        dedupKey: `user_daily_cost:${userId}:${dayLabel(day)}`,
      });
    }
    return drafts;
  },
};
