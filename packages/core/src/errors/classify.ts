// Turns everything a failed call can show — status, the provider's error body,
// a finish reason, a thrown error — into one ErrorKind the devtools and the
// collector can group by. Checked from the most specific signal to the least.
import type { CallError, ErrorKind } from "../types.ts";
import type { ProviderError } from "../providers/types.ts";

export interface ErrorSignals {
  status?: number;
  providerError?: ProviderError;
  finishReason?: string;
  thrown?: unknown;
  aborted?: boolean;
  timedOut?: boolean;
  /** the body or a stream event could not be parsed */
  parseFailed?: boolean;
}

/** finish/stop/block reasons that mean a safety system cut the answer */
const FILTERED = /^(content_filter|refusal|SAFETY|PROHIBITED_CONTENT|BLOCKLIST|SPII|RECITATION|IMAGE_SAFETY|IMAGE_PROHIBITED_CONTENT|MODEL_ARMOR|JAILBREAK)$/;

const RULES: [ErrorKind, RegExp][] = [
  ["rate_limit", /rate_limit|resource_exhausted|too many requests/],
  ["context_length", /context_length|context window|prompt is too long|maximum context length|maximum number of tokens|input token count/],
  ["content_filter", /content_filter|responsibleaipolicy|content management policy/],
  ["auth", /authentication|permission|invalid_api_key|unauthenticated|unauthorized|api key/],
  ["overloaded", /overloaded/],
];

const fromStatus = (s: number): ErrorKind | undefined =>
  s === 429 ? "rate_limit" : s === 401 || s === 403 ? "auth" : s === 529 || s === 503 ? "overloaded" : s >= 500 ? "server" : s >= 400 ? "invalid_request" : undefined;

const thrownKind = (e: unknown): ErrorKind => {
  const name = (e as { name?: unknown } | null)?.name;
  return name === "AbortError" ? "aborted" : name === "TimeoutError" ? "timeout" : "network";
};

/** Undefined when nothing says the call failed. Never throws. */
export const classifyError = (input: ErrorSignals): CallError | undefined => {
  const { status, providerError: pe, finishReason, thrown } = input;
  const err = thrown as { message?: unknown; code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const thrownMessage = typeof err?.message === "string" ? err.message : thrown === undefined ? undefined : String(thrown);
  const make = (kind: ErrorKind, code?: unknown, message?: string): CallError => {
    const e: CallError = { kind, message: message || pe?.message || thrownMessage || (status ? `HTTP ${status}` : kind) };
    if (status !== undefined) e.status = status;
    if (typeof code === "string" && code) e.code = code;
    return e;
  };
  if (input.aborted) return make("aborted", undefined, thrownMessage);
  if (input.timedOut) return make("timeout", undefined, thrownMessage);
  if (thrown !== undefined)
    return make(thrownKind(thrown), [err?.cause?.code, err?.code, (thrown as { name?: unknown } | null)?.name].find((c) => typeof c === "string"));
  if (input.parseFailed) return make("parse");
  const code = pe?.code ?? pe?.type;
  if (pe || (status ?? 0) >= 400) {
    const text = `${pe?.code} ${pe?.type} ${pe?.message}`.toLowerCase();
    const kind =
      pe?.kind ??
      (status === 429 ? "rate_limit" : undefined) ??
      RULES.find(([, re]) => re.test(text))?.[0] ??
      fromStatus(status ?? 0) ??
      (finishReason && FILTERED.test(finishReason) ? "content_filter" : "server");
    return make(kind, code);
  }
  if (finishReason && FILTERED.test(finishReason))
    return make("content_filter", finishReason, `The answer was stopped by a safety filter (${finishReason})`);
  return undefined;
};
