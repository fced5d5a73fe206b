import type { CallStore } from "../store/call-store.ts";
import type { AlertThresholds } from "../alerts/thresholds.ts";
import type { WebhookTarget } from "../alerts/webhooks.ts";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import type { QualityOptions } from "../quality/quality-options.ts";
import type { CorsSetting } from "./cors.ts";
import { DEFAULT_FIELD_CAPS, type FieldCaps } from "./field-caps.ts";
import type { RateLimitOptions } from "./rate-limit.ts";

export interface CollectorLimits {
  /** request body cap; larger bodies get 413. Default 1 MiB */
  maxBodyBytes: number;
  /** calls per POST /v1/calls; default 1000 */
  maxCallsPerBatch: number;
  /** per-key token bucket (requests without a key: per client address); false turns it off. Default 100/s, burst 200 */
  rateLimit: RateLimitOptions | false;
  /** a body must arrive within this long or the request gets 408. Default 10 s */
  bodyTimeoutMs: number;
  /** bodies read at once for requests with no key in a header (sendBeacon); more get 503. Default 32 */
  maxKeylessBodies: number;
  fieldCaps: FieldCaps;
  /** one page of calls stops short of this many characters of JSON (its cursor goes on from there). Default 8 Mi */
  maxAnswerChars: number;
}

export interface CollectorOptions {
  store: CallStore;
  /** keys allowed to ingest; an empty list or none leaves ingest open (say so loudly where you serve) */
  writeKeys?: readonly string[];
  /** keys allowed to query; an empty list or none leaves queries open */
  readKeys?: readonly string[];
  /** origins allowed to call from a browser, or "*" */
  cors?: CorsSetting;
  limits?: Partial<CollectorLimits>;
  /** thresholds for the built-in alert rules; false turns alerting off */
  alerts?: Partial<AlertThresholds> | false;
  webhooks?: readonly (string | WebhookTarget)[];
  otlp?: CallForwarder;
  /** score calls after ingest (relevance, accuracy, coherence, safety); off unless given */
  quality?: QualityOptions;
  /** internal failures (never keys, never bodies) */
  log?: (message: string) => void;
  now?: () => number;
}

export const DEFAULT_LIMITS: CollectorLimits = {
  maxBodyBytes: 1024 * 1024,
  maxCallsPerBatch: 1000,
  rateLimit: { perSecond: 100, burst: 200 },
  bodyTimeoutMs: 10_000,
  maxKeylessBodies: 32,
  fieldCaps: DEFAULT_FIELD_CAPS,
  maxAnswerChars: 8 * 1024 * 1024,
};
