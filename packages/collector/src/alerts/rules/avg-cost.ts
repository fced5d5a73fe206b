// Average cost per request today against the trailing 7 days: catches a model
// switch, a prompt change or an agent making more calls per answer, which
// make every request dearer without more traffic. A request is a trace where
// the app records traces, a call otherwise (see traces/requests.ts).
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { requestsByBucket, sumRequests } from "../../traces/requests.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const avgCostRule: AlertRule = {
  kind: "avg_cost_per_request",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [day, calls] of groupBy(batch, (c) => dayOf(c.call.startedAt))) {
      const rows = await requestsByBucket(store, "all", "", day - 7, day);
      const today = sumRequests(rows.filter((r) => r.bucket === day));
      const past = sumRequests(rows.filter((r) => r.bucket < day));
      if (today.requests < t.avgCostMinCalls || past.requests < t.avgCostMinCalls) continue;
      const avgToday = today.costUSD / today.requests;
      const avgPast = past.costUSD / past.requests;
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
