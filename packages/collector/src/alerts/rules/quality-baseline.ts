// Today against the 7 days before, for one prompt, from the quality rollups:
// what both quality rules compare.
import type { CallStore, QualityStatsRow } from "../../store/call-store.ts";
import { dayLabel, dayStart } from "../../store/time-buckets.ts";

export interface QualityWindow {
  today?: QualityStatsRow;
  past: QualityStatsRow[];
}

export async function qualityWindow(store: CallStore, promptKey: string, day: number): Promise<QualityWindow> {
  if (!store.qualityStats) return { past: [] };
  const rows = await store.qualityStats({ groupBy: "prompt", period: "day", from: dayStart(day - 7), to: dayStart(day + 1), keys: [promptKey] });
  const label = dayLabel(day);
  return { today: rows.find((r) => r.period === label), past: rows.filter((r) => r.period < label) };
}
