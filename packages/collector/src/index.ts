// @llmscope/collector: the beacon endpoint as a Web-standard handler, the
// SQLite store, alert rules, OTLP export, and the node:http adapter.
export { createCollector, type Collector } from "./handler/create-collector.ts";
export { DEFAULT_LIMITS, type CollectorOptions, type CollectorLimits } from "./handler/options.ts";
export { DEFAULT_FIELD_CAPS, type FieldCaps } from "./handler/field-caps.ts";
export type { CollectorCounters } from "./handler/counters.ts";
export type { CorsSetting } from "./handler/cors.ts";
export type { RateLimitOptions } from "./handler/rate-limit.ts";
export type * from "./store/call-store.ts";
export { STATS_DIMENSIONS } from "./store/call-store.ts";
export { SqliteStore, type SqliteStoreOptions } from "./store/sqlite-store.ts";
export { rebuildRollups } from "./store/rebuild-rollups.ts";
export { createPostgresStore, PostgresStore, type PostgresStoreOptions } from "./store/postgres/postgres-store.ts";
export type { RetentionResult, MonthPartition } from "./store/postgres/partitions.ts";
export type { Alert, AlertKind } from "./alerts/alert.ts";
export type { AlertRule, AlertDraft, RuleContext } from "./alerts/alert-rule.ts";
export { DEFAULT_THRESHOLDS, type AlertThresholds } from "./alerts/thresholds.ts";
export { createAlertEngine, type AlertEngine, type AlertEngineOptions } from "./alerts/alert-engine.ts";
export type { WebhookTarget } from "./alerts/webhooks.ts";
export type { CallForwarder } from "./otlp/call-forwarder.ts";
export { createOtlpForwarder, type OtlpOptions } from "./otlp/otlp-forwarder.ts";
export { genAiAttributes } from "./otlp/gen-ai-attributes.ts";
export { serve, type ServeOptions, type RunningServer } from "./node/serve.ts";
export { toNodeListener, toRequest, writeResponse } from "./node/node-adapter.ts";
