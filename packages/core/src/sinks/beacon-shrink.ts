// Serializes a call for the beacon: as it is when it fits one payload, else
// with text taken from its largest parts (bodies, prompt, completion, tool
// arguments) rather than dropping it whole.
import type { LLMCall } from "../types.ts";

/** UTF-8 bytes of a string: what the payload limit and the queue bound count */
export const utf8Bytes = (s: string): number => new Blob([s]).size;

// the fields that can grow without bound, wherever they sit in the record
const LONG_TEXT = new Set(["text", "system", "content", "arguments", "body"]);

/**
 * The call as JSON of at most maxBytes, with its UTF-8 size. When the whole
 * call does not fit, every long text is cut to the same length, halving it
 * until the record fits, only the latest messages are kept (fewer as the cut
 * deepens), and the record is flagged `truncated: true`. Undefined when even
 * the bare record does not fit.
 */
export function serializeCall(call: LLMCall, maxBytes: number): { json: string; bytes: number } | undefined {
  for (let cut = Infinity; cut >= 8; cut = cut > maxBytes ? maxBytes >> 2 : cut >> 1) {
    const json =
      cut > maxBytes
        ? JSON.stringify(call)
        : JSON.stringify({ ...call, truncated: true }, (key, value: unknown) =>
            key == "messages" && Array.isArray(value)
              ? value.slice(-Math.max(1, cut >> 6))
              : typeof value == "string" && LONG_TEXT.has(key)
                ? value.slice(0, cut)
                : value,
          );
    const bytes = utf8Bytes(json);
    if (bytes <= maxBytes) return { json, bytes };
  }
  return undefined;
}
