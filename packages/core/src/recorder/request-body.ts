// The request body as text, from any form fetch accepts, without consuming
// what the app sends. Streams are never touched: reading one would take it
// from the request. FormData is no LLM JSON body.

/** text of the body the request will send, or undefined when it has none we may read */
export function readRequestBody(request: Request | undefined, init: RequestInit | undefined): string | Promise<string> | undefined {
  if (init?.body !== undefined) {
    const { body } = init;
    if (typeof body === "string") return body;
    // bytes, Blob, URLSearchParams: read as fetch itself would send them
    return body == null || body instanceof ReadableStream || body instanceof FormData ? undefined : new Response(body).text();
  }
  // clone before the original fetch reads it; the request keeps its own body
  if (request?.body && !request.bodyUsed) return request.clone().text();
}
