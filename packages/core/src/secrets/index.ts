// Credentials never leave: headers dropped, URL userinfo and credential query
// values masked, credential values in bodies and parameters masked. The name
// rules are in secret-names.ts (a documented list, extendable).
import { isSecretName } from "./secret-names.ts";
import { MASK } from "./scrub-text.ts";

export { addSecretNames, isSecretBodyKey, isSecretName, SECRET_BODY_KEYS, SECRET_NAME_PARTS } from "./secret-names.ts";
export { scrubBody, scrubObject, scrubUrlsInText } from "./scrub-text.ts";
export { scrubCallSecrets } from "./scrub-call.ts";

/** headers (any HeadersInit form) as a plain object, every credential-bearing one left out */
export function safeHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  // Headers (of any realm) and pairs iterate; a record does not
  const entries = headers && (Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers));
  for (const [name, value] of entries || []) if (!isSecretName(name)) out[name.toLowerCase()] = String(value);
  return out;
}

/** the URL with credential query values (key=, token=, …) and userinfo masked */
export function safeUrl(url: URL): string {
  if (!url.search && !url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  if (copy.username) copy.username = MASK;
  if (copy.password) copy.password = MASK;
  for (const name of new Set(copy.searchParams.keys())) if (isSecretName(name)) copy.searchParams.set(name, MASK);
  return copy.href;
}
