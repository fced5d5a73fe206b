// Keys come from `Authorization: Bearer <key>`, `x-llmscope-key`, or (for
// sendBeacon, which cannot set headers) the envelope's writeKey. Keys are never
// logged or echoed.
export function keyFromHeaders(headers: Headers): string | undefined {
  const auth = headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1]!.trim();
  }
  return headers.get("x-llmscope-key")?.trim() || undefined;
}

/** constant-time membership, so response timing does not leak key prefixes */
export function isKeyAllowed(key: string | undefined, allowed: readonly string[]): boolean {
  if (key === undefined) return false;
  let found = false;
  for (const candidate of allowed) if (timingSafeEqual(key, candidate)) found = true;
  return found;
}

function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
