// One plain sentence per kind: what the devtools say next to a failed call.
import type { ErrorKind } from "../types.ts";

const HINTS: Record<ErrorKind, string> = {
  rate_limit: "The provider is throttling you: slow down, retry with backoff, or raise your rate limit.",
  context_length: "The prompt and requested output exceed the model's context window: trim history or context, or use a larger model.",
  content_filter: "The provider's safety system blocked the prompt or the answer: rephrase, or review the filter settings.",
  auth: "The API key is missing, wrong or lacks access to this model or resource.",
  invalid_request: "The provider rejected the request as malformed: check the model name, parameters and message format.",
  overloaded: "The provider is temporarily overloaded: retry later with backoff, or fall back to another model.",
  server: "The provider failed on its side: retry, and check its status page if it persists.",
  network: "The request never reached the provider: check connectivity, DNS, proxies and CORS.",
  aborted: "The caller cancelled the request before it finished.",
  timeout: "The request took longer than its time limit: raise the timeout or ask for a shorter answer.",
  parse: "The response could not be read as the provider's format: a proxy may have changed it.",
};

export const ERROR_KINDS = Object.keys(HINTS) as readonly ErrorKind[];

/** what is known of the call besides its kind: a network error after the answer began is a cut stream, not an unreachable provider */
export interface HintContext {
  status?: number;
  chunkCount?: number;
}

export const errorHint = (kind: ErrorKind, context: HintContext = {}): string => {
  const began = (context.chunkCount ?? 0) > 0 || (context.status !== undefined && context.status > 0 && context.status < 400);
  if (kind === "network" && began) {
    const chunks = context.chunkCount ? ` after ${context.chunkCount} chunk${context.chunkCount === 1 ? "" : "s"}` : "";
    return `The connection broke while the answer was arriving${chunks}: the provider or a proxy cut the stream. Retry; what arrived is kept.`;
  }
  return HINTS[kind] ?? "";
};
