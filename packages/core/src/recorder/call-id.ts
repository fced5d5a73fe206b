// Call ids are UUIDv7 (RFC 9562): 48 bits of Unix time in ms, then random bits.
// Ids made later sort later, so a store's unique index on them grows at its
// end, where a random UUID would rewrite a random page of it for every call.
export function callId(now = Date.now()): string {
  const t = now.toString(16).padStart(12, "0");
  // a random UUID's part after its version digit, variant bits included;
  // randomUUID is missing on plain-http pages, where Math.random stands in
  const rest = globalThis.crypto?.randomUUID?.().slice(15) ?? "xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => ((Math.random() * 16) | 0).toString(16));
  return `${t.slice(0, 8)}-${t.slice(8)}-7${rest}`;
}
