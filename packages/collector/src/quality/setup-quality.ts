// Builds the collector's quality part from its options: the reference book,
// the evaluators (built-in heuristics unless given) and the evaluation loop in
// front of the OTLP forwarder.
import { heuristicEvaluators } from "@llmscope/core/quality";
import type { WebhookSender } from "../alerts/webhooks.ts";
import type { AlertThresholds } from "../alerts/thresholds.ts";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import type { CallStore } from "../store/call-store.ts";
import { createQualityLoop, type QualityLoop } from "./evaluation-loop.ts";
import { createQualityAlerts } from "./quality-alerts.ts";
import type { QualityOptions } from "./quality-options.ts";
import { createReferenceBook, type ReferenceBook } from "./reference-book.ts";

export interface QualitySetup {
  loop: QualityLoop;
  references: ReferenceBook;
}

export function setupQuality(o: {
  store: CallStore;
  quality: QualityOptions;
  otlp?: CallForwarder;
  thresholds?: Partial<AlertThresholds> | false;
  webhooks?: WebhookSender;
  log: (message: string) => void;
  onAlertError: (kind: string, err: unknown) => void;
}): QualitySetup | undefined {
  if (!o.store.nextForQuality || !o.store.saveQuality) {
    o.log("quality scoring is off: this store cannot hold scores");
    return undefined;
  }
  const q = o.quality;
  const references = q.references ?? createReferenceBook();
  const evaluators = q.evaluators ?? heuristicEvaluators({ terms: q.safetyTerms ?? [], references: (id) => references.get(id) });
  const alerts = o.thresholds === false
    ? undefined
    : createQualityAlerts({ store: o.store, thresholds: o.thresholds ?? {}, ...(o.webhooks ? { webhooks: o.webhooks } : {}), onError: o.onAlertError });
  const loop = createQualityLoop({
    store: o.store,
    evaluators,
    log: o.log,
    ...(o.otlp ? { next: o.otlp } : {}),
    ...(alerts ? { alerts } : {}),
    ...(q.batchSize ? { batchSize: q.batchSize } : {}),
    ...(q.idleMs !== undefined ? { idleMs: q.idleMs } : {}),
    ...(q.busyShare ? { busyShare: q.busyShare } : {}),
    ...(q.concurrency ? { concurrency: q.concurrency } : {}),
  });
  return { loop, references };
}

/** the call ids of a feedback body the handler has just accepted */
export function feedbackCallIds(body: unknown): string[] {
  const b = body as { feedback?: { callId?: unknown }[]; callId?: unknown };
  const list = Array.isArray(b?.feedback) ? b.feedback : [b];
  return list.map((f) => f?.callId).filter((id): id is string => typeof id === "string");
}
