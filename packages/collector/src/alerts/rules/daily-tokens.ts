// The whole app's tokens for a day against the day before.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, n, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const dailyTokensRule: AlertRule = {
  kind: "daily_tokens",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [day, calls] of groupBy(batch, (c) => dayOf(c.call.startedAt))) {
      const rows = await store.rollups("all", [""], day - 1, day);
      const tokens = (d: number) => rows.filter((r) => r.day === d).reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
      const today = tokens(day);
      const yesterday = tokens(day - 1);
      if (yesterday <= 0 || today <= t.dailyTokensRatio * yesterday) continue;
      drafts.push({
        kind: "daily_tokens",
        subject: dayLabel(day),
        value: today,
        baseline: yesterday,
        threshold: t.dailyTokensRatio,
        message: `${dayLabel(day)} used ${n(today)} tokens, ${round(today / yesterday, 2)}× the ${n(yesterday)} of the day before`,
        evidence: evidenceOf(calls),
        firedAt: latestStart(calls),
        dedupKey: `daily_tokens:${dayLabel(day)}`,
      });
    }
    return drafts;
  },
};
