import type { AlertRule } from "../alert-rule.ts";
import { anomalyRule } from "./anomaly.ts";
import { avgCostRule } from "./avg-cost.ts";
import { costMonthRule } from "./cost-month.ts";
import { dailyTokensRule } from "./daily-tokens.ts";
import { promptWeeklyRule } from "./prompt-weekly.ts";
import { tokenSpikeRule } from "./token-spike.ts";
import { userDailyCostRule } from "./user-daily-cost.ts";
import { agentLoopRule } from "./agent-loop.ts";
import { traceAnomalyRule } from "./trace-anomaly.ts";

export const ALL_RULES: readonly AlertRule[] = [
  tokenSpikeRule,
  dailyTokensRule,
  promptWeeklyRule,
  costMonthRule,
  userDailyCostRule,
  avgCostRule,
  anomalyRule,
  agentLoopRule,
  traceAnomalyRule,
];
