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

/** provider codes, types and messages, lower-cased; first match wins */
const RULES: [ErrorKind, RegExp][] = [
  ["rate_limit", /rate_limit|exhausted|too many requests/],
  ["context_length", /context_length|context window|too long|maximum context|maximum number of tokens|input token count/],
  ["content_filter", /content_filter|filtered|responsibleai/],
  ["auth", /auth|permission|api.key/],
  ["overloaded", /overloaded/],
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
    const text = `${pe?.code} ${pe?.type} ${pe?.message}`.toLowerCase();
    kind =
      pe?.kind ??
      (status === 429 ? "rate_limit" : RULES.find(([, re]) => re.test(text))?.[0]) ??
      (status === 401 || status === 403 ? "auth" : status === 503 || status === 529 ? "overloaded" : status >= 500 ? "server" : status >= 400 ? "invalid_request" : filtered ? "content_filter" : "server");
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
