// Header and query names that carry credentials. The named ones are what the
// providers use; the pattern catches the rest (x-portkey-api-key, session
// tokens, cookies) because a missed secret costs far more than a missed header.
const NAMED = new Set(["authorization", "proxy-authorization", "x-api-key", "api-key", "x-goog-api-key", "cf-aig-authorization", "key"]);
const PATTERN = /key|token|secret|auth|cookie|passw|signature|^sig$/i;

export function isSecretName(name: string): boolean {
  return NAMED.has(name.toLowerCase()) || PATTERN.test(name);
}
