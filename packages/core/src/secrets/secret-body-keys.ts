// Whether a JSON text may hold a credential-named string field at all: one
// native scan for the listed keys, so a body without one (nearly every LLM
// request and answer) is not taken apart field by field. It errs only the
// safe way: any field the full scrub would mask is found, and a find sends
// the text through the full scrub.
import { SECRET_BODY_KEYS } from "./secret-names.ts";

let scan: RegExp | undefined;
let scanFor = -1;

/** a key as the scrub compares it (lower-case, - and _ anywhere ignored), as a pattern of the raw text */
const keyPattern = (key: string): string =>
  [...key].map((c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("[-_]*");

/**
 * `"<key>" : "` for any listed key, in any case and with - or _ anywhere in
 * it. Case-insensitive by Unicode case folding (the u flag), which also
 * matches what toLowerCase() turns into a listed key (the Kelvin sign into k).
 */
function secretKeyScan(): RegExp {
  if (!scan || scanFor !== SECRET_BODY_KEYS.size) {
    const keys = [...SECRET_BODY_KEYS].filter(Boolean).map(keyPattern);
    scan = new RegExp(`"[-_]*(?:${keys.join("|") || "(?!)"})[-_]*"\\s*:\\s*"`, "iu");
    scanFor = SECRET_BODY_KEYS.size;
  }
  return scan;
}

export const mayHoldSecretField = (text: string): boolean => secretKeyScan().test(text);
