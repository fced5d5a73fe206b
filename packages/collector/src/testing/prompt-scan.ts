// The scan options and prompt series a test of one of the detector's prompt
// readings needs: the store's days from `firstDay`, the app's days as the
// scale, the detector's defaults (28 days of history, threshold 6, 20 calls).
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { loadDailySeries, type DailySeries } from "../insights/daily-series.ts";
import { DEFAULT_MATERIALITY } from "../insights/materiality.ts";
import type { ScanOptions } from "../insights/scan-series.ts";

export async function promptScan(store: CallStore, firstDay: number, fromDay: number, toDay: number): Promise<{ scan: ScanOptions; prompts: DailySeries }> {
  const app = await loadDailySeries(store, "all", firstDay, toDay);
  const scan: ScanOptions = { fromDay, toDay, historyDays: 28, threshold: 6, minCalls: 20, now: dayStart(toDay + 1), materiality: DEFAULT_MATERIALITY, app: app.get("") ?? new Map() };
  return { scan, prompts: await loadDailySeries(store, "prompt", firstDay, toDay) };
}
