// A Workers AI binding call never touches fetch, so instrumentAI replays its
// outcome as the HTTP response the Workers AI REST API would have given; the
// recorder then measures and parses it like any other LLM call.

export type RunOutcome = { result: unknown } | { error: unknown };

/** what a streamed run returns: a ReadableStream of SSE bytes */
export function isSSEStream(result: unknown, inputs: unknown): result is ReadableStream<Uint8Array> {
  return result instanceof ReadableStream && (inputs as { stream?: unknown } | null)?.stream === true;
}

/** image, audio and other binary results are handed over untouched, never read */
function isBinary(result: unknown): boolean {
  return result instanceof ReadableStream || result instanceof ArrayBuffer || ArrayBuffer.isView(result);
}

export function responseOf(outcome: RunOutcome, inputs: unknown): Response {
  if ("error" in outcome) return errorResponse(outcome.error);
  const { result } = outcome;
  if (isSSEStream(result, inputs)) return new Response(result, { headers: { "content-type": "text/event-stream" } });
  if (isBinary(result) || result === undefined) return new Response(null, { headers: { "content-type": "application/octet-stream" } });
  return new Response(JSON.stringify(result), { headers: { "content-type": "application/json" } });
}

// The binding throws plain Errors whose message carries the reason and often a
// four-digit Workers AI code ("3040: Capacity temporarily exceeded"); the status
// is inferred from the wording so the recorder can classify the failure.
const STATUS_BY_WORDING: [RegExp, number][] = [
  [/capacity|too many requests|rate.?limit|daily free allocation|neurons/i, 429],
  [/timed? ?out/i, 504],
  [/unauthori[sz]ed|authentication|forbidden|not allowed|permission/i, 403],
  [/no such model|invalid|bad input|required propert|must be|too (long|large)|context/i, 400],
];

export function errorResponse(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  const code = /\b([1-9]\d{3})\b/.exec(message)?.[1];
  const status = STATUS_BY_WORDING.find(([wording]) => wording.test(message))?.[1] ?? 500;
  const body = { success: false, errors: [{ ...(code ? { code: Number(code) } : {}), message }] };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** binary inputs (audio, images) are summarized, not serialized byte by byte */
export function inputsBody(inputs: unknown): string {
  return JSON.stringify(inputs ?? {}, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof ReadableStream) return "[stream]";
    return value;
  });
}
