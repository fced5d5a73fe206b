// This month's spend so far against the whole of last month.
import { dayOf, monthLabel, monthRange } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const costMonthRule: AlertRule = {
  kind: "cost_month_over_month",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [first, calls] of groupBy(batch, (c) => monthRange(dayOf(c.call.startedAt)).first)) {
      const month = monthRange(first);
      const previous = monthRange(first - 1);
      const rows = await store.rollups("all", [""], previous.first, month.last);
      const cost = (from: number, to: number) => rows.filter((r) => r.day >= from && r.day <= to).reduce((s, r) => s + r.costUSD, 0);
      const now = cost(month.first, month.last);
      const before = cost(previous.first, previous.last);
      if (before <= 0 || now <= t.costMonthRatio * before) continue;
      const label = monthLabel(first);
      drafts.push({
        kind: "cost_month_over_month",
        subject: label,
        value: round(now, 6),
        baseline: round(before, 6),
        threshold: t.costMonthRatio,
        message: `${label} has cost $${round(now, 2)} so far, ${round(now / before, 2)}× last month's $${round(before, 2)}`,
        evidence: evidenceOf(calls),
        firedAt: latestStart(calls),
        dedupKey: `cost_month_over_month:${label}`,
      });
    }
    return drafts;
  },
};
