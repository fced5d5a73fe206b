// Credentials inside text the recorder keeps: a URL's user:password (fetch's
// own error messages quote the URL), credential query values in any URL the
// text mentions, and credential values in a JSON or form body. Text is
// scanned rather than parsed, so a body cut at its cap is scrubbed too.
import { mayHoldSecretField } from "./secret-body-keys.ts";
import { isSecretBodyKey, isSecretName } from "./secret-names.ts";

export const MASK = "REDACTED";

// scheme://user[:password]@ — the userinfo of any URL in the text
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
// name=value in a query string or a form body
const PAIR = /([?&]|^)([^=&?#\s"']+)=([^&#\s"']*)/g;
// "name": "value" in JSON text
const JSON_STRING_FIELD = /"((?:[^"\\]|\\.){1,100})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

export function scrubUrlsInText(text: string): string {
  // each pattern only where it can match (userinfo needs "://" and "@", a pair "="): a call's URL, which
  // every call scrubs, most often has neither, and each replace walked it all
  if (text.includes("://") && text.includes("@")) text = text.replace(USERINFO, (_, scheme: string) => `${scheme}${MASK}@`);
  return text.includes("=") ? text.replace(PAIR, (whole, lead: string, name: string, value: string) => (value && isSecretName(safeDecode(name)) ? `${lead}${name}=${MASK}` : whole)) : text;
}

/** a captured request or response body with credential values masked */
export function scrubBody(text: string): string {
  // (the scan looks for a quote first, so text without one costs it one native search)
  const json = mayHoldSecretField(text) ? text.replace(JSON_STRING_FIELD, (whole, key: string, colon: string, value: string) => (value && isSecretBodyKey(key) ? `"${key}"${colon}"${MASK}"` : whole)) : text;
  return scrubUrlsInText(json);
}

/** params parsed from a body: the same rule on an object's keys, a few levels deep */
export function scrubObject<T>(value: T, depth = 4): T {
  if (depth < 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, depth - 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretBodyKey(k) && v !== undefined && v !== null ? MASK : scrubObject(v, depth - 1);
  return out as T;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
