// A prompt's average tokens per call today against its own 7-day average: the
// slow creep (context bloat, verbose answers) a single-call spike rule misses.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, n, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

export const promptWeeklyRule: AlertRule = {
  kind: "prompt_tokens_weekly",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [id, calls] of groupBy(batch, (c) => `${c.promptKey}\u0000${dayOf(c.call.startedAt)}`)) {
      const promptKey = calls[0]!.promptKey;
      const day = dayOf(calls[0]!.call.startedAt);
      const rows = await store.rollups("prompt", [promptKey], day - 7, day);
      const todayRows = rows.filter((r) => r.day === day);
      const pastRows = rows.filter((r) => r.day < day);
      const sum = (rs: typeof rows, f: (r: (typeof rows)[number]) => number) => rs.reduce((s, r) => s + f(r), 0);
      const pastCalls = sum(pastRows, (r) => r.calls);
      const todayCalls = sum(todayRows, (r) => r.calls);
      if (pastCalls < t.promptWeeklyMinCalls || todayCalls === 0) continue;
      const avgToday = sum(todayRows, (r) => r.inputTokens + r.outputTokens) / todayCalls;
      const avgWeek = sum(pastRows, (r) => r.inputTokens + r.outputTokens) / pastCalls;
      if (avgWeek <= 0 || avgToday <= t.promptWeeklyRatio * avgWeek) continue;
      drafts.push({
        kind: "prompt_tokens_weekly",
        subject: promptKey,
        value: round(avgToday, 1),
        baseline: round(avgWeek, 1),
        threshold: t.promptWeeklyRatio,
        message: `prompt ${promptKey} averages ${n(avgToday)} tokens a call on ${dayLabel(day)}, ${round(avgToday / avgWeek, 2)}× its 7-day average of ${n(avgWeek)}`,
        evidence: evidenceOf(calls),
        firedAt: latestStart(calls),
        dedupKey: `prompt_tokens_weekly:${id.replace("\u0000", ":")}`,
      });
    }
    return drafts;
  },
};
