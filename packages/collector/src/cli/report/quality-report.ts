// The report's quality part: scores and satisfaction by feature, model and
// prompt (from the quality rollups), and how much the top prompts' answers
// wander (from their newest stored answers).
import type { CallStore, QualityStatsRow, StatsDimension } from "../../store/call-store.ts";
import { promptVariance } from "../../quality/prompt-variance.ts";

export interface PromptDispersionRow {
  key: string;
  samples: number;
  score: number;
  outliers: number;
}

export interface QualityReport {
  byFeature: QualityStatsRow[];
  byModel: QualityStatsRow[];
  byPrompt: QualityStatsRow[];
  /** for the report's top prompts */
  dispersion: PromptDispersionRow[];
}

export async function buildQualityReport(store: CallStore, from: number, to: number, topPromptKeys: string[]): Promise<QualityReport | undefined> {
  if (!store.qualityStats) return undefined;
  const by = async (groupBy: StatsDimension) =>
    (await store.qualityStats!({ groupBy, period: "all", from, to })).sort((a, b) => b.scored + b.thumbsUp + b.thumbsDown - (a.scored + a.thumbsUp + a.thumbsDown));
  const dispersion = await Promise.all(
    topPromptKeys.map(async (key) => {
      let v = await promptVariance(store, { promptId: key, from, to }, 50);
      if (v.calls === 0) v = await promptVariance(store, { fingerprint: key, from, to }, 50);
      return { key, samples: v.dispersion.samples, score: v.dispersion.score, outliers: v.dispersion.outliers.length };
    }),
  );
  return {
    byFeature: await by("feature"),
    byModel: await by("model"),
    byPrompt: (await by("prompt")).slice(0, topPromptKeys.length || 10),
    dispersion: dispersion.filter((d) => d.samples >= 2),
  };
}

const score = (n: number | undefined) => (n === undefined ? "–" : String(Math.round(n)));
const rate = (r: QualityStatsRow) => (r.satisfaction === undefined ? "–" : `${Math.round(r.satisfaction * 100)}% of ${r.thumbsUp + r.thumbsDown}`);

/** one row of cells per subject: scored, average, the four components, 👍 share */
export function qualityCells(r: QualityStatsRow): string[] {
  return [String(r.scored), score(r.average), score(r.relevance), score(r.accuracy), score(r.coherence), score(r.safety), rate(r)];
}

export const QUALITY_HEADERS = ["scored", "avg", "relev", "accur", "coher", "safety", "👍 share"];
