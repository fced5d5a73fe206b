// A Response around a new body (an observed stream) that looks exactly like
// the original to the app: status, statusText, headers, url, redirected, type.

/** a Response can be rebuilt around a new body only for these statuses */
export const canRebuild = (status: number): boolean => status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304;

export function rebuiltResponse(response: Response, body: ReadableStream<Uint8Array>): Response {
  // the original as the init: its status, statusText and headers
  const rebuilt = new Response(body, response);
  // a constructed Response has no url and type "default"; the app must see the original's
  for (const key of ["url", "redirected", "type"] as const) {
    Object.defineProperty(rebuilt, key, { value: response[key], enumerable: true, configurable: true });
  }
  return rebuilt;
}
