// What the collector's history says about a prompt's answers: output tokens per
// input token, per day, over the last 30 days of the promptId's rollups, and
// how many calls a month it gets.
import type { CallStore } from "../store/call-store.ts";
import { median } from "../store/median.ts";

export interface PromptHistory {
  promptId: string;
  /** median over days of output tokens / input tokens */
  outputPerInput: number;
  /** relative standard error of that ratio across days */
  ratioUncertainty: number;
  days: number;
  callsPerMonth: number;
}

const DAY_MS = 86_400_000;

export async function promptHistory(store: CallStore, promptId: string, now: number): Promise<PromptHistory | undefined> {
  const rows = (await store.stats({ groupBy: "promptId", period: "day", from: now - 30 * DAY_MS, to: now })).filter((r) => r.key === promptId && r.inputTokens > 0);
  if (rows.length === 0) return undefined;
  const ratios = rows.map((r) => r.outputTokens / r.inputTokens);
  const center = median(ratios);
  const sd = Math.sqrt(ratios.reduce((s, x) => s + (x - center) ** 2, 0) / Math.max(1, ratios.length - 1));
  const calls = rows.reduce((s, r) => s + r.calls, 0);
  return {
    promptId,
    outputPerInput: center,
    ratioUncertainty: center > 0 ? sd / Math.sqrt(ratios.length) / center : 0,
    days: rows.length,
    callsPerMonth: (calls / rows.length) * 30,
  };
}
