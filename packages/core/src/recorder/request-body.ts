// The request body as text, from any form fetch accepts, without consuming
// what the app sends. Streams are never touched: reading one would take it
// from the request.
type Body = BodyInit | null | undefined;

const decode = (bytes: ArrayBuffer | ArrayBufferView) =>
  new TextDecoder().decode(bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));

function bodyText(body: Body): string | Promise<string> | undefined {
  if (body == null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return decode(body);
  if (typeof URLSearchParams !== "undefined" && body instanceof URLSearchParams) return body.toString();
  if (typeof Blob !== "undefined" && body instanceof Blob) return body.text();
  // FormData and ReadableStream: not an LLM JSON body, or not ours to read
  return undefined;
}

/** text of the body the request will send, or undefined when it has none we may read */
export function readRequestBody(input: RequestInfo | URL, init: RequestInit | undefined): string | Promise<string> | undefined {
  if (init && init.body !== undefined) return bodyText(init.body);
  if (typeof Request !== "undefined" && input instanceof Request && input.body && !input.bodyUsed) {
    // clone before the original fetch reads it; the request keeps its own body
    return input.clone().text();
  }
  return undefined;
}
