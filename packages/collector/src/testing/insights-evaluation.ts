// The proof for anomaly detection and root-cause analysis: generate traffic
// with incidents of known cause on known days, store it in a real store, run
// the detector over the rollups and score it. The CI test and the benchmark
// run this same code at different sizes and seeds.
import type { CallStore } from "../store/call-store.ts";
import { dayOf, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies, type Anomaly } from "../insights/detect-anomalies.ts";
import { explainDay } from "../insights/explain-day.ts";
import { planIncidents, type Incident, type IncidentKind } from "./incidents.ts";
import { seededRandom } from "./seeded-random.ts";
import { generateDay } from "./traffic-generator.ts";

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
  incident: Incident;
  detected: boolean;
  /** anomalies flagged on the incident's day */
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
  byKind: Record<IncidentKind, { incidents: number; detected: number; rcaCorrect: number }>;
  outcomes: IncidentOutcome[];
  falseAlarms: Anomaly[];
}

/** a Monday, so the warm-up covers whole weeks */
const FIRST_DAY = dayOf(Date.UTC(2026, 0, 5));

export async function runInsightsEvaluation(options: EvaluationOptions): Promise<EvaluationResult> {
  const warmup = options.warmupDays ?? 28;
  const spacing = options.spacing ?? 3;
  const random = seededRandom(options.seed);
  const firstIncidentDay = FIRST_DAY + warmup + 1;
  const incidents = planIncidents(options.incidents, firstIncidentDay, spacing, random);
  const lastDay = firstIncidentDay + (options.incidents - 1) * spacing + spacing - 1;
  let calls = 0;
  for (let day = FIRST_DAY; day <= lastDay; day++) {
    const batch = generateDay(day, { callsPerDay: options.callsPerDay, random, incidents });
    for (let i = 0; i < batch.length; i += 1000) await options.store.ingest(batch.slice(i, i + 1000), batch[0]!.startedAt);
    calls += batch.length;
  }
  options.progress?.(`stored ${calls.toLocaleString("en-US")} calls over ${lastDay - FIRST_DAY + 1} days`);
  const evalFrom = firstIncidentDay - 1;
  const anomalies = await detectAnomalies(options.store, { fromDay: evalFrom, toDay: lastDay, now: Date.UTC(2100, 0, 1) });
  const byDay = new Map<number, Anomaly[]>();
  for (const a of anomalies) byDay.set(a.day, [...(byDay.get(a.day) ?? []), a]);

  const outcomes: IncidentOutcome[] = [];
  for (const incident of incidents) outcomes.push(await judge(options.store, incident, byDay.get(incident.day) ?? []));
  const incidentDays = new Set(incidents.map((i) => i.day));
  const falseAlarms = anomalies.filter((a) => !incidentDays.has(a.day));
  const cleanDays = lastDay - evalFrom + 1 - incidentDays.size;
  const falseAlarmDays = new Set(falseAlarms.map((a) => a.day)).size;
  const byKind = {} as EvaluationResult["byKind"];
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
    incidents: incidents.length,
    detected,
    recall: detected / incidents.length,
    cleanDays,
    falseAlarmDays,
    falseAlarmRate: falseAlarmDays / cleanDays,
    rcaCorrect,
    rcaAccuracy: rcaCorrect / incidents.length,
    hourlyOnly: outcomes.filter((o) => o.hourlyOnly).length,
    firstCallInIncident: outcomes.filter((o) => o.rcaCorrect && o.firstCallInIncident).length,
    byKind,
    outcomes,
    falseAlarms,
  };
}

async function judge(store: CallStore, incident: Incident, anomalies: Anomaly[]): Promise<IncidentOutcome> {
  const rca = await explainDay(store, anomalies);
  if (!rca) return { incident, detected: false, rcaCorrect: false };
  const first = rca.causes[0];
  const rcaFirst = first ? { dimension: first.dimension, key: first.key } : undefined;
  const rcaCorrect = !!first && first.dimension === incident.cause.dimension && first.key === incident.cause.key;
  const hourlyOnly = anomalies.every((a) => a.hour !== undefined);
  const at = rca.firstCall?.startedAt;
  const firstCallInIncident = at !== undefined && at >= dayStart(incident.day) + incident.startHour * HOUR_MS && at < dayStart(incident.day) + incident.endHour * HOUR_MS;
  return { incident, detected: true, anomalies: anomalies.length, hourlyOnly, rcaCorrect, firstCallInIncident, sentence: rca.sentence, ...(rcaFirst ? { rcaFirst } : {}) };
}
