// Browser SDKs send custom headers (x-stainless-*, anthropic-version,
// x-goog-api-key, x-mock-*), so every response allows any origin and
// preflights echo back whatever headers were asked for.
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "*",
};

export function preflightResponse(request: Request): Response {
  const asked = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": asked ?? "*",
      "access-control-max-age": "86400",
    },
  });
}
