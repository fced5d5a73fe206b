// Header and query names that carry credentials. The providers' own
// (Authorization, x-api-key, api-key, x-goog-api-key, cf-aig-authorization,
// key=) all match; so does the rest (x-portkey-api-key, session tokens,
// cookies), because a missed secret costs far more than a missed header.
// "tokens" is spared: rate-limit headers (x-ratelimit-remaining-tokens) explain a 429.
const SECRET = /key|token(?!s)|secret|auth|cookie|passw|signature|^sig$/i;
const MASK = "REDACTED";

export const isSecretName = (name: string): boolean => SECRET.test(name);

/** headers (any HeadersInit form) as a plain object, every credential-bearing one left out */
export function safeHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  // Headers (of any realm) and pairs iterate; a record does not
  const entries = headers && (Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers));
  for (const [name, value] of entries || []) if (!SECRET.test(name)) out[name.toLowerCase()] = String(value);
  return out;
}

/** the URL with credential query values (key=, token=, …) and userinfo masked */
export function safeUrl(url: URL): string {
  if (!url.search && !url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  if (copy.username) copy.username = MASK;
  if (copy.password) copy.password = MASK;
  for (const name of new Set(copy.searchParams.keys())) if (SECRET.test(name)) copy.searchParams.set(name, MASK);
  return copy.href;
}
