// The proof for anomaly detection and root-cause analysis: generate traffic
// with incidents of known cause on known days, store it in a real store, run
// the detector over the rollups and score it. The CI tests and the benchmark
// run this same code at different sizes and seeds, on the project's own
// generator and on the independently written realistic model.
import type { LLMCall } from "@llmscope/core";
import type { CallStore } from "../store/call-store.ts";
import { dayOf, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies, type Anomaly } from "../insights/detect-anomalies.ts";
import { explainDay } from "../insights/explain-day.ts";
import { planIncidents } from "./incidents.ts";
import { seededRandom } from "./seeded-random.ts";
import { generateDay } from "./traffic-generator.ts";

/** an incident as the evaluation scores it */
export interface ScoredIncident {
  kind: string;
  day: number;
  /** the last day it is scored on (default: its first); days after it count as ordinary */
  lastDay?: number;
  startHour: number;
  endHour: number;
  cause: { dimension: string; key: string };
  /** other keys that name exactly the same calls */
  alternatives?: { dimension: string; key: string }[];
}

/** a timeline of traffic with its incidents */
export interface Scenario {
  firstDay: number;
  lastDay: number;
  /** the first day scored: anomalies before it fall in the warm-up */
  evalFrom: number;
  incidents: readonly ScoredIncident[];
  generateDay(day: number): LLMCall[];
}

export interface EvaluationOptions {
  store: CallStore;
  incidents: number;
  seed: number;
  callsPerDay: number;
  /** clean days before the first incident, so baselines exist (default 28) */
  warmupDays?: number;
  /** days from one incident to the next (default 3: two clean days between) */
  spacing?: number;
  progress?: (message: string) => void;
}

export interface IncidentOutcome {
  incident: ScoredIncident;
  detected: boolean;
  /** anomalies flagged on the incident's days */
  anomalies?: number;
  /** found only in the hourly series: the day as a whole stayed in its usual range */
  hourlyOnly?: boolean;
  rcaFirst?: { dimension: string; key: string };
  rcaCorrect: boolean;
  /** the root cause's first call started while the incident was on */
  firstCallInIncident?: boolean;
  sentence?: string;
}

export interface EvaluationResult {
  calls: number;
  incidents: number;
  detected: number;
  recall: number;
  cleanDays: number;
  falseAlarmDays: number;
  falseAlarmRate: number;
  rcaCorrect: number;
  rcaAccuracy: number;
  /** incidents found only hour by hour */
  hourlyOnly: number;
  /** correctly explained incidents whose first call lies inside the incident's hours */
  firstCallInIncident: number;
  byKind: Record<string, { incidents: number; detected: number; rcaCorrect: number }>;
  outcomes: IncidentOutcome[];
  falseAlarms: Anomaly[];
}

/** a Monday, so the warm-up covers whole weeks */
export const FIRST_DAY = dayOf(Date.UTC(2026, 0, 5));

/** the project's own generator: one incident every `spacing` days after the warm-up */
export async function runInsightsEvaluation(options: EvaluationOptions): Promise<EvaluationResult> {
  const warmup = options.warmupDays ?? 28;
  const spacing = options.spacing ?? 3;
  const random = seededRandom(options.seed);
  const firstIncidentDay = FIRST_DAY + warmup + 1;
  const incidents = planIncidents(options.incidents, firstIncidentDay, spacing, random);
  const scenario: Scenario = {
    firstDay: FIRST_DAY,
    lastDay: firstIncidentDay + (options.incidents - 1) * spacing + spacing - 1,
    evalFrom: firstIncidentDay - 1,
    incidents,
    generateDay: (day) => generateDay(day, { callsPerDay: options.callsPerDay, random, incidents }),
  };
  return evaluateScenario(options.store, scenario, options.progress);
}

const lastDayOf = (i: ScoredIncident) => i.lastDay ?? i.day;

export async function evaluateScenario(store: CallStore, scenario: Scenario, progress?: (message: string) => void): Promise<EvaluationResult> {
  let calls = 0;
  for (let day = scenario.firstDay; day <= scenario.lastDay; day++) {
    const batch = scenario.generateDay(day);
    for (let i = 0; i < batch.length; i += 1000) await store.ingest(batch.slice(i, i + 1000), batch[0]!.startedAt);
    calls += batch.length;
  }
  progress?.(`stored ${calls.toLocaleString("en-US")} calls over ${scenario.lastDay - scenario.firstDay + 1} days`);
  const anomalies = await detectAnomalies(store, { fromDay: scenario.evalFrom, toDay: scenario.lastDay, now: Date.UTC(2100, 0, 1) });
  const byDay = new Map<number, Anomaly[]>();
  for (const a of anomalies) byDay.set(a.day, [...(byDay.get(a.day) ?? []), a]);

  const outcomes: IncidentOutcome[] = [];
  const incidentDays = new Set<number>();
  for (const incident of scenario.incidents) {
    const days: number[] = [];
    for (let d = incident.day; d <= lastDayOf(incident); d++) days.push(d), incidentDays.add(d);
    outcomes.push(await judge(store, incident, days.map((d) => byDay.get(d) ?? [])));
  }
  const falseAlarms = anomalies.filter((a) => !incidentDays.has(a.day));
  const cleanDays = scenario.lastDay - scenario.evalFrom + 1 - incidentDays.size;
  const falseAlarmDays = new Set(falseAlarms.map((a) => a.day)).size;
  const byKind: EvaluationResult["byKind"] = {};
  for (const o of outcomes) {
    const k = (byKind[o.incident.kind] ??= { incidents: 0, detected: 0, rcaCorrect: 0 });
    k.incidents++;
    k.detected += o.detected ? 1 : 0;
    k.rcaCorrect += o.rcaCorrect ? 1 : 0;
  }
  const detected = outcomes.filter((o) => o.detected).length;
  const rcaCorrect = outcomes.filter((o) => o.rcaCorrect).length;
  return {
    calls,
    incidents: scenario.incidents.length,
    detected,
    recall: detected / scenario.incidents.length,
    cleanDays,
    falseAlarmDays,
    falseAlarmRate: falseAlarmDays / cleanDays,
    rcaCorrect,
    rcaAccuracy: rcaCorrect / scenario.incidents.length,
    hourlyOnly: outcomes.filter((o) => o.hourlyOnly).length,
    firstCallInIncident: outcomes.filter((o) => o.rcaCorrect && o.firstCallInIncident).length,
    byKind,
    outcomes,
    falseAlarms,
  };
}

const weight = (list: Anomaly[]) => Math.max(0, ...list.map((a) => a.impact.dayShare));

/** the incident is explained on the day of its window whose anomalies weigh most (a drift shows most at its end) */
async function judge(store: CallStore, incident: ScoredIncident, daysAnomalies: Anomaly[][]): Promise<IncidentOutcome> {
  const anomalies = daysAnomalies.reduce((best, list) => (weight(list) > weight(best) ? list : best), []);
  const rca = await explainDay(store, anomalies);
  if (!rca) return { incident, detected: false, rcaCorrect: false };
  const first = rca.causes[0];
  const rcaFirst = first ? { dimension: first.dimension, key: first.key } : undefined;
  const named = [incident.cause, ...(incident.alternatives ?? [])];
  const rcaCorrect = !!first && named.some((c) => first.dimension === c.dimension && first.key === c.key);
  const hourlyOnly = anomalies.every((a) => a.hour !== undefined);
  const at = rca.firstCall?.startedAt;
  const from = dayStart(incident.day) + incident.startHour * HOUR_MS;
  const to = lastDayOf(incident) > incident.day ? dayStart(lastDayOf(incident) + 1) : dayStart(incident.day) + incident.endHour * HOUR_MS;
  const firstCallInIncident = at !== undefined && at >= from && at < to;
  return { incident, detected: true, anomalies: anomalies.length, hourlyOnly, rcaCorrect, firstCallInIncident, sentence: rca.sentence, ...(rcaFirst ? { rcaFirst } : {}) };
}
