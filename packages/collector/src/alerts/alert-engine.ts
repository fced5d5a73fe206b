// Runs every rule over a freshly committed batch, stores what fires (dedup and
// cooldown are the store's job, so they hold across restarts) and hands new
// alerts to the webhooks.
import type { Trace } from "@llmscope/core";
import type { CallStore, IngestedCall } from "../store/call-store.ts";
import type { Alert } from "./alert.ts";
import type { AlertRule } from "./alert-rule.ts";
import { ALL_RULES } from "./rules/index.ts";
import { DEFAULT_THRESHOLDS, type AlertThresholds } from "./thresholds.ts";
import type { WebhookSender } from "./webhooks.ts";

export interface AlertEngineOptions {
  store: CallStore;
  thresholds?: Partial<AlertThresholds>;
  rules?: readonly AlertRule[];
  webhooks?: WebhookSender;
  /** a rule threw; the batch is already stored, so this is counted, not raised */
  onError?: (kind: string, err: unknown) => void;
}

export interface AlertEngine {
  readonly thresholds: AlertThresholds;
  /** the calls and the traces one request stored, received at receivedAt (default now) */
  evaluate(batch: IngestedCall[], traces?: Trace[], receivedAt?: number): Promise<Alert[]>;
}

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const rules = options.rules ?? ALL_RULES;
  return {
    thresholds,
    async evaluate(batch, traces = [], receivedAt = Date.now()) {
      if (batch.length === 0 && traces.length === 0) return [];
      const fired: Alert[] = [];
      for (const rule of rules) {
        try {
          for (const draft of await rule.evaluate({ batch, traces, store: options.store, thresholds, receivedAt })) {
            const alert: Alert = { id: crypto.randomUUID(), ...draft };
            if (await options.store.recordAlert(alert, thresholds.cooldownMs)) fired.push(alert);
          }
        } catch (err) {
          options.onError?.(rule.kind, err);
        }
      }
      for (const alert of fired) options.webhooks?.send(alert);
      return fired;
    },
  };
}
