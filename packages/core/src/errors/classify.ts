// Turns everything a failed call can show — status, the provider's error body,
// a finish reason, a thrown error — into one ErrorKind the devtools and the
// collector can group by. Checked from the most specific signal to the least.
import type { CallError, ErrorKind } from "../types.ts";
import type { ProviderError } from "../providers/types.ts";
import { clean } from "../providers/read.ts";

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

/** finish/stop/block reasons meaning a safety system cut the answer (IMAGE_SAFETY, PROHIBITED_CONTENT…) */
const FILTERED = /content_filter|refusal|SAFETY|PROHIBITED|BLOCKLIST|SPII|RECITATION|JAILBREAK|MODEL_ARMOR/;

/**
 * Matched in order against "status code type message" (lower-cased) of a failed
 * response; the first match wins. The provider's words come before the status
 * alone, except that a 429 is always a rate limit.
 */
const RULES: [RegExp, ErrorKind][] = [
  [/^429|rate_limit|exhausted|too many requests/, "rate_limit"],
  [/context_length|context window|too long|maximum context|maximum number of tokens|input token count/, "context_length"],
  [/content_filter|filtered|responsibleai/, "content_filter"],
  [/auth|permission|api.key/, "auth"],
  [/overloaded/, "overloaded"],
  [/^40[13]/, "auth"],
  [/^5(03|29)/, "overloaded"],
  [/^5/, "server"],
  [/^4/, "invalid_request"],
];

/** Undefined when nothing says the call failed. */
export const classifyError = (input: ErrorSignals): CallError | undefined => {
  const { status = 0, providerError: pe, finishReason: reason = "", thrown } = input;
  const t = thrown as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const filtered = FILTERED.test(reason);
  let kind: ErrorKind | undefined, code: unknown;
  if (input.aborted) kind = "aborted";
  else if (input.timedOut) kind = "timeout";
  else if (thrown !== undefined) {
    kind = t?.name === "AbortError" ? "aborted" : t?.name === "TimeoutError" ? "timeout" : "network";
    code = [t?.cause?.code, t?.code, t?.name].find((c) => typeof c === "string");
  } else if (input.parseFailed) kind = "parse";
  else if (pe || status >= 400) {
    const text = [status, pe?.code, pe?.type, pe?.message].join(" ").toLowerCase();
    // a body that reports an error on a 2xx (a mid-stream error event) failed on the server's side
    kind = pe?.kind ?? RULES.find(([rule]) => rule.test(text))?.[1] ?? (filtered ? "content_filter" : "server");
    code = pe?.code ?? pe?.type;
  } else if (filtered) {
    kind = "content_filter";
    code = reason;
  }
  if (!kind) return undefined;
  const thrownMessage = typeof t?.message === "string" ? t.message : thrown === undefined ? "" : String(thrown);
  return clean({
    kind,
    status: input.status,
    code: typeof code === "string" && code ? code : undefined,
    message: pe?.message || thrownMessage || (filtered ? `Stopped by a safety filter (${reason})` : status ? `HTTP ${status}` : kind),
  });
};
