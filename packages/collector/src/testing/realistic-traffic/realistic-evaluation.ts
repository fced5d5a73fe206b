// The insights proof on the realistic model: five weeks of ordinary traffic
// to build baselines, then the incidents in rotation of kinds, each followed
// by ordinary days (the days after a permanent change count as ordinary: a
// new department or a nightly job is news once, not every day after).
import type { CallStore } from "../../store/call-store.ts";
import { evaluateScenario, FIRST_DAY, type EvaluationResult } from "../insights-evaluation.ts";
import { seededRandom } from "../seeded-random.ts";
import { planRealisticIncidents } from "./incident-plan.ts";
import { realisticTraffic } from "./realistic-traffic.ts";

export interface RealisticEvaluationOptions {
  store: CallStore;
  incidents: number;
  seed: number;
  /** ordinary days before the first incident (default 35) */
  warmupDays?: number;
  /** ordinary days after each incident (default 2) */
  gap?: number;
  progress?: (message: string) => void;
}

export async function runRealisticEvaluation(options: RealisticEvaluationOptions): Promise<EvaluationResult> {
  const random = seededRandom(options.seed);
  const gap = options.gap ?? 2;
  const firstIncidentDay = FIRST_DAY + (options.warmupDays ?? 35);
  const incidents = planRealisticIncidents(options.incidents, firstIncidentDay, gap, random);
  const lastDay = incidents[incidents.length - 1]!.lastDay + gap;
  const traffic = realisticTraffic({ firstDay: FIRST_DAY, lastDay }, incidents, random);
  return evaluateScenario(options.store, { firstDay: FIRST_DAY, lastDay, evalFrom: firstIncidentDay - 1, incidents, generateDay: traffic.generateDay }, options.progress);
}
