// Every rule compares against a baseline; these are the ratios and limits.
export interface AlertThresholds {
  /** a call above this × its prompt's trailing median of total tokens */
  tokenSpikeRatio: number;
  /** calls of history a prompt needs before its median is trusted */
  tokenSpikeMinSamples: number;
  /** a day's tokens above this × the previous day's */
  dailyTokensRatio: number;
  /** a prompt's average tokens per call today above this × its 7-day average */
  promptWeeklyRatio: number;
  /** calls in the 7 days before that the prompt baseline needs */
  promptWeeklyMinCalls: number;
  /** this month's cost so far above this × last month's */
  costMonthRatio: number;
  /** one user's cost in one day above this many USD */
  userDailyCostUSD: number;
  /** today's average cost per request above this × the trailing 7-day average */
  avgCostRatio: number;
  /** calls on each side of the average-cost comparison before it counts */
  avgCostMinCalls: number;
  /** a prompt's average quality today this many points (0–100 scale) below its trailing 7-day average */
  qualityDropPoints: number;
  /** scored calls on each side of the quality comparison before it counts */
  qualityMinCalls: number;
  /** a prompt's satisfaction rate today this much (0–1) below its trailing 7-day rate */
  satisfactionDrop: number;
  /** votes on each side of the satisfaction comparison before it counts */
  satisfactionMinVotes: number;
  /** robust z-score (against a 28-day median/MAD baseline) at which a day's measure is an anomaly */
  anomalyScore: number;
  /** LLM calls in one trace above which it is an agent loop */
  agentLoopCalls: number;
  /** identical tool calls (same tool, same arguments) in one trace above which it is an agent loop */
  agentLoopRepeats: number;
  /** after an alert fires for a subject, the same kind and subject stay quiet this long (record time) */
  cooldownMs: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  tokenSpikeRatio: 1.5,
  tokenSpikeMinSamples: 5,
  dailyTokensRatio: 1.2,
  promptWeeklyRatio: 2,
  promptWeeklyMinCalls: 5,
  costMonthRatio: 1.5,
  userDailyCostUSD: 10,
  avgCostRatio: 2,
  avgCostMinCalls: 10,
  qualityDropPoints: 15,
  qualityMinCalls: 10,
  satisfactionDrop: 0.2,
  satisfactionMinVotes: 5,
  anomalyScore: 6,
  agentLoopCalls: 25,
  agentLoopRepeats: 5,
  cooldownMs: 60 * 60 * 1000,
};
