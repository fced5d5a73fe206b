// A prompt's share of 👍 among today's votes well below its trailing 7-day
// share: users like the answers less. Checked when feedback arrives.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";
import { qualityWindow } from "./quality-baseline.ts";

export const satisfactionDropRule: AlertRule = {
  kind: "satisfaction_drop",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [id, calls] of groupBy(batch, (c) => (c.call.feedback ? `${c.promptKey}\u0000${dayOf(c.call.startedAt)}` : undefined))) {
      const promptKey = calls[0]!.promptKey;
      const day = dayOf(calls[0]!.call.startedAt);
      const { today, past } = await qualityWindow(store, promptKey, day);
      const up = past.reduce((s, r) => s + r.thumbsUp, 0);
      const votes = up + past.reduce((s, r) => s + r.thumbsDown, 0);
      const todayVotes = (today?.thumbsUp ?? 0) + (today?.thumbsDown ?? 0);
      if (today?.satisfaction === undefined || todayVotes < t.satisfactionMinVotes || votes < t.satisfactionMinVotes) continue;
      const baseline = up / votes;
      if (today.satisfaction > baseline - t.satisfactionDrop) continue;
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      drafts.push({
        kind: "satisfaction_drop",
        subject: promptKey,
        value: today.satisfaction,
        baseline: round(baseline, 3),
        threshold: t.satisfactionDrop,
        message: `prompt ${promptKey} got ${pct(today.satisfaction)} 👍 of ${todayVotes} votes on ${dayLabel(day)}, against ${pct(baseline)} over the 7 days before`,
        evidence: evidenceOf(calls.filter((c) => c.call.feedback?.score === -1)),
        firedAt: latestStart(calls),
        dedupKey: `satisfaction_drop:${id.replace("\u0000", ":")}`,
      });
    }
    return drafts;
  },
};
