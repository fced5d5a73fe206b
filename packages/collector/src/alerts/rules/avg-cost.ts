// Average cost per request today against the trailing 7 days: catches a model
// switch or a prompt change that makes every call dearer without more traffic.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const avgCostRule: AlertRule = {
  kind: "avg_cost_per_request",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [day, calls] of groupBy(batch, (c) => dayOf(c.call.startedAt))) {
      const rows = await store.rollups("all", [""], day - 7, day);
      const today = rows.filter((r) => r.day === day);
      const past = rows.filter((r) => r.day < day);
      const calls_ = (rs: typeof rows) => rs.reduce((s, r) => s + r.calls, 0);
      const cost = (rs: typeof rows) => rs.reduce((s, r) => s + r.costUSD, 0);
      if (calls_(today) < t.avgCostMinCalls || calls_(past) < t.avgCostMinCalls) continue;
      const avgToday = cost(today) / calls_(today);
      const avgPast = cost(past) / calls_(past);
      if (avgPast <= 0 || avgToday < t.avgCostRatio * avgPast) continue;
      drafts.push({
        kind: "avg_cost_per_request",
        subject: dayLabel(day),
        value: round(avgToday, 8),
        baseline: round(avgPast, 8),
        threshold: t.avgCostRatio,
        message: `average cost per request on ${dayLabel(day)} is $${round(avgToday, 6)}, ${round(avgToday / avgPast, 2)}× the trailing 7-day $${round(avgPast, 6)}`,
        evidence: evidenceOf(calls),
        firedAt: latestStart(calls),
        dedupKey: `avg_cost_per_request:${dayLabel(day)}`,
      });
    }
    return drafts;
  },
};
