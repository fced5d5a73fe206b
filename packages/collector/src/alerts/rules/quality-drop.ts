// A prompt's average quality score today well below its own trailing 7-day
// average: answers got worse while errors, tokens and cost may look the same.
import { dayLabel, dayOf } from "../../store/time-buckets.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";
import { qualityWindow } from "./quality-baseline.ts";

export const qualityDropRule: AlertRule = {
  kind: "quality_drop",
  async evaluate({ batch, store, thresholds: t }) {
    const drafts: AlertDraft[] = [];
    for (const [id, calls] of groupBy(batch, (c) => (c.call.quality?.average !== undefined ? `${c.promptKey}\u0000${dayOf(c.call.startedAt)}` : undefined))) {
      const promptKey = calls[0]!.promptKey;
      const day = dayOf(calls[0]!.call.startedAt);
      const { today, past } = await qualityWindow(store, promptKey, day);
      const pastScored = past.reduce((s, r) => s + r.scored, 0);
      if (!today?.scored || today.scored < t.qualityMinCalls || pastScored < t.qualityMinCalls || today.average === undefined) continue;
      const baseline = past.reduce((s, r) => s + (r.average ?? 0) * r.scored, 0) / pastScored;
      if (today.average > baseline - t.qualityDropPoints) continue;
      drafts.push({
        kind: "quality_drop",
        subject: promptKey,
        value: today.average,
        baseline: round(baseline, 1),
        threshold: t.qualityDropPoints,
        message: `prompt ${promptKey} averages quality ${today.average} on ${dayLabel(day)} over ${today.scored} scored calls, ${round(baseline - today.average, 1)} points below its 7-day average of ${round(baseline, 1)}`,
        evidence: evidenceOf(calls.filter((c) => (c.call.quality?.average ?? 100) <= baseline - t.qualityDropPoints)),
        firedAt: latestStart(calls),
        dedupKey: `quality_drop:${id.replace("\u0000", ":")}`,
      });
    }
    return drafts;
  },
};
