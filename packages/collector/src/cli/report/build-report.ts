// The numbers behind `llmscope report`, all read from rollups plus one sample
// prompt per top prompt: cheap however many calls are stored.
import type { Alert } from "../../alerts/alert.ts";
import type { CallStore, StatsDimension, StatsRow } from "../../store/call-store.ts";
import { dayOf } from "../../store/time-buckets.ts";
import { buildQualityReport, type QualityReport } from "./quality-report.ts";
import { buildAnomalyReport, type AnomalyReport } from "./anomaly-report.ts";
import { requestSummary, type RequestSummary } from "../../traces/request-summary.ts";

export interface ReportData {
  from: number;
  to: number;
  generatedAt: number;
  totals: { calls: number; inputTokens: number; outputTokens: number; costUSD: number; errors: number };
  byDepartment: StatsRow[];
  byFeature: StatsRow[];
  byUser: StatsRow[];
  byModel: StatsRow[];
  topPrompts: (StatsRow & { sample?: string })[];
  /** user requests (a trace each where traces are recorded, else a call each) and their cost, overall and by feature */
  requests: RequestSummary;
  /** one row per day */
  trend: StatsRow[];
  alerts: Alert[];
  /** scores, satisfaction and answer dispersion; absent when the store keeps no quality */
  quality?: QualityReport;
  /** the period's days far outside their usual range, with their root causes */
  anomalies: AnomalyReport;
}

export async function buildReport(store: CallStore, from: number, to: number, top = 10, progress: (m: string) => void = () => {}): Promise<ReportData> {
  const grouped = async (groupBy: StatsDimension) => {
    progress(`reading cost by ${groupBy}`);
    return (await store.stats({ groupBy, period: "all", from, to })).sort((a, b) => b.costUSD - a.costUSD);
  };
  const [all] = await store.stats({ groupBy: "all", period: "all", from, to });
  const prompts = (await grouped("prompt")).slice(0, top);
  progress("reading sample prompts");
  const topPrompts = await Promise.all(
    prompts.map(async (row) => {
      const page = await store.listCalls({ promptId: row.key, limit: 1 });
      const sample = page.calls[0] ?? (await store.listCalls({ fingerprint: row.key, limit: 1 })).calls[0];
      return sample ? { ...row, sample: sample.prompt.text.slice(0, 160) } : row;
    }),
  );
  progress("reading quality, satisfaction and answer dispersion");
  const quality = await buildQualityReport(store, from, to, prompts.map((p) => p.key));
  progress("reading daily trend and alerts");
  const trend = await store.stats({ groupBy: "all", period: "day", from, to });
  const alerts = await store.listAlerts({ from, to, limit: 200 });
  progress("looking for anomalies and their root causes");
  const generatedAt = Date.now();
  // the same whole days the rollups give the trend: `to` is exclusive
  const anomalies = await buildAnomalyReport(store, dayOf(from), dayOf(to - 1), { now: generatedAt });
  const byFeature = await grouped("feature");
  progress("counting requests");
  const requests = await requestSummary(store, from, to, byFeature.map((f) => f.key));
  return {
    from,
    to,
    generatedAt,
    totals: {
      calls: all?.calls ?? 0,
      inputTokens: all?.inputTokens ?? 0,
      outputTokens: all?.outputTokens ?? 0,
      costUSD: all?.costUSD ?? 0,
      errors: all?.errors ?? 0,
    },
    byDepartment: await grouped("department"),
    byFeature,
    byUser: (await grouped("user")).slice(0, top),
    byModel: await grouped("model"),
    topPrompts,
    requests,
    trend,
    alerts,
    ...(quality ? { quality } : {}),
    anomalies,
  };
}
