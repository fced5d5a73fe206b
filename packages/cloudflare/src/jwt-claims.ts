// Reads claims from a bearer JWT for attribution only. The signature is NOT
// checked: the Worker's own auth must verify the token; a forged token can at
// worst mislabel its own records.

/** The claims of the request's bearer token (Authorization header by default), or undefined. */
export function jwtClaims(request: Request, header = "authorization"): Record<string, unknown> | undefined {
  const value = request.headers.get(header);
  if (!value) return undefined;
  const token = value.replace(/^Bearer\s+/i, "");
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** One claim as a tag value: strings and numbers only. */
export function jwtClaim(request: Request, claim: string, header?: string): string | undefined {
  const value = jwtClaims(request, header)?.[claim];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
