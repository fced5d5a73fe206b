// Which names carry credentials. Two lists, both extendable with
// addSecretNames():
//
// - header and query names are matched broadly (any name containing one of
//   SECRET_NAME_PARTS): a missed secret costs far more than a missed header.
//   The providers' own (Authorization, x-api-key, api-key, x-goog-api-key,
//   cf-aig-authorization, key=) all match, and so do x-jwt-assertion, pwd=,
//   jwt=, cookies and session tokens. "tokens" is spared: rate-limit headers
//   (x-ratelimit-remaining-tokens) explain a 429.
// - keys inside a JSON request body are matched exactly (SECRET_BODY_KEYS),
//   since a body's keys are the model's parameters: "max_tokens" and
//   "prompt_cache_key" must stay, "api_key" and "password" must go.

/** parts of a header or query name that mark it as a credential (case-insensitive) */
export const SECRET_NAME_PARTS: RegExp[] = [/key/i, /token(?!s)/i, /secret/i, /auth/i, /cookie/i, /passw/i, /signature/i, /^sig$/i, /jwt/i, /^pwd$/i, /assertion/i, /credential/i];

/** JSON body keys whose values are credentials (compared lower-case, with - and _ ignored) */
export const SECRET_BODY_KEYS: Set<string> = new Set(
  ["api_key", "apikey", "access_token", "refresh_token", "id_token", "token", "authorization", "secret", "client_secret",
    "password", "passwd", "pwd", "jwt", "assertion", "private_key", "credential", "credentials", "session_token", "x-api-key"].map(normalize),
);

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, "");
}

/** extends the rules: patterns for header and query names, exact names for JSON body keys */
export function addSecretNames(names: { headerOrQuery?: RegExp[]; bodyKeys?: string[] }): void {
  SECRET_NAME_PARTS.push(...(names.headerOrQuery ?? []));
  for (const k of names.bodyKeys ?? []) SECRET_BODY_KEYS.add(normalize(k));
}

// Every call asks this of each of its headers, and header names repeat call
// after call: each is matched against the patterns once. Bounded, emptied when
// full, and emptied when the patterns change (addSecretNames, or a push onto
// SECRET_NAME_PARTS, which only grows).
const MAX_KNOWN_NAMES = 512;
const knownNames = new Map<string, boolean>();
let knownFor = 0;

export const isSecretName = (name: string): boolean => {
  if (knownFor !== SECRET_NAME_PARTS.length || knownNames.size >= MAX_KNOWN_NAMES) {
    knownNames.clear();
    knownFor = SECRET_NAME_PARTS.length;
  }
  let secret = knownNames.get(name);
  if (secret === undefined) knownNames.set(name, (secret = SECRET_NAME_PARTS.some((p) => p.test(name))));
  return secret;
};

export const isSecretBodyKey = (key: string): boolean => SECRET_BODY_KEYS.has(normalize(key));
