// The last pass over a finished call before it leaves the recorder (and the
// first the collector makes over one it receives): every place a URL, an
// error message, a body or parameters are kept, scrubbed by the same rules.
import type { CapturedHttp, LLMCall } from "../types.ts";
import { isSecretName } from "./secret-names.ts";
import { scrubBody, scrubObject, scrubUrlsInText } from "./scrub-text.ts";

function scrubHttp(http: CapturedHttp | undefined): void {
  if (!http) return;
  // by key, without an array of the keys: deleting the key being visited is safe in a for-in
  for (const name in http.headers) if (isSecretName(name)) delete http.headers[name];
  if (http.body !== undefined) http.body = scrubBody(http.body);
}

/** masks credentials in place; returns the call */
export function scrubCallSecrets(call: LLMCall): LLMCall {
  if (call.url) call.url = scrubUrlsInText(call.url);
  if (call.error?.message) call.error.message = scrubUrlsInText(call.error.message);
  if (call.params) call.params = scrubObject(call.params);
  scrubHttp(call.request);
  scrubHttp(call.response);
  return call;
}
