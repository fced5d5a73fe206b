// Everything withLLMScope can be told. Kept apart from the wrapper so the sample
// Worker, the tests and the docs can all name the same shape.
import type { BeaconSinkOptions, RecorderOptions, Sink, Tags } from "@llmscope/core";
import type { AsyncLocalStorageClass } from "./async-local-storage.ts";

/** Tag values as they come from headers and claims; empty ones are left out. */
export type TagValues = Record<string, string | number | boolean | null | undefined>;

export interface LLMScopeOptions<Env = any> {
  /** beacon URL the records are POSTed to as `{ v: 1, calls }` envelopes, e.g. "https://collector.example/v1/calls" */
  endpoint?: string;
  /** sent with each envelope so the collector can tell who wrote it */
  writeKey?: string;
  /** print one JSON line per call (prefixed object key "llmscope"), for `wrangler tail` */
  console?: boolean;
  /** tags for every call a request makes, read from the request (user id header, JWT claim...) */
  tags?: (request: Request, env: Env) => TagValues | undefined;
  /** tags on every call of this Worker, e.g. { feature: "chat" } */
  defaultTags?: Tags;
  /**
   * estimate tokens when the provider reports none; off by default in Workers.
   * Worker builds carry no tokenizer (about 1 MB gz of ranks), so set
   * `tokenizer` too: `estimateUsage` from "@llmscope/core/tokens"
   */
  estimateTokens?: boolean;
  tokenizer?: RecorderOptions["tokenizer"];
  /** the AsyncLocalStorage class, for Workers on "nodejs_als" rather than "nodejs_compat" */
  asyncLocalStorage?: AsyncLocalStorageClass;
  /** how long delivery waits for a request's unfinished LLM calls before sending what it has; default 25 s */
  deliveryTimeoutMs?: number;
  /** tuning for the beacon sink behind `endpoint` (batch size, retry, timeouts) */
  beacon?: Omit<BeaconSinkOptions, "url" | "writeKey">;
  /** more sinks, besides the beacon and console ones */
  sinks?: Sink[];
  redact?: RecorderOptions["redact"];
  sampleRate?: RecorderOptions["sampleRate"];
  maxBodyBytes?: RecorderOptions["maxBodyBytes"];
  prices?: RecorderOptions["prices"];
}

export type LLMScopeConfig<Env = any> = LLMScopeOptions<Env> | ((env: Env) => LLMScopeOptions<Env>);

export const DEFAULT_DELIVERY_TIMEOUT_MS = 25_000;

/** Tag values longer than this are cut: a header must not be able to bloat every record. */
export const MAX_TAG_VALUE_LENGTH = 256;

export function normalizeTags(values: TagValues | undefined): Tags {
  const tags: Tags = {};
  if (!values) return tags;
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") continue;
    tags[key] = String(value).slice(0, MAX_TAG_VALUE_LENGTH);
  }
  return tags;
}
