// The quality rules run on scored calls (and on calls that just got feedback),
// not on ingest batches: at ingest nothing is scored yet.
import type { LLMCall } from "@llmscope/core";
import { totalTokens } from "@llmscope/core";
import { createAlertEngine, type AlertEngine } from "../alerts/alert-engine.ts";
import { qualityDropRule } from "../alerts/rules/quality-drop.ts";
import { satisfactionDropRule } from "../alerts/rules/satisfaction-drop.ts";
import type { AlertThresholds } from "../alerts/thresholds.ts";
import type { WebhookSender } from "../alerts/webhooks.ts";
import type { CallStore, IngestedCall } from "../store/call-store.ts";
import { promptKeyOf } from "../store/call-row.ts";

export const QUALITY_RULES = [qualityDropRule, satisfactionDropRule] as const;

export function asIngested(call: LLMCall): IngestedCall {
  return { call, promptKey: promptKeyOf(call), totalTokens: totalTokens(call) ?? 0 };
}

export function createQualityAlerts(options: {
  store: CallStore;
  thresholds?: Partial<AlertThresholds>;
  webhooks?: WebhookSender;
  onError?: (kind: string, err: unknown) => void;
}): AlertEngine {
  return createAlertEngine({ ...options, rules: QUALITY_RULES });
}
