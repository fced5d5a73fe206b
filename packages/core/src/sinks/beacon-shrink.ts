// Serializes a call for the beacon: as it is when it fits one payload, else
// with text taken from its largest parts (bodies, prompt, completion, tool
// arguments) rather than dropping it whole.
import { utf8Size } from "../stream/text-capture.ts";
import type { CapturedHttp, LLMCall, Prompt } from "../types.ts";

/**
 * UTF-8 bytes of a string: what the payload limit and the queue bound count.
 * A call's JSON is counted in place (a Blob would copy it); only a long one
 * goes through Blob, whose native count is faster past that size.
 */
export const utf8Bytes = (s: string): number => (s.length < 65_536 ? utf8Size(s).bytes : new Blob([s]).size);

/**
 * Headers and sizes, without the raw body: a copy whose body is undefined,
 * which JSON leaves out as it does a missing key. A copy by rest
 * destructuring ({ body, ...rest }) took V8's slow path, and its JSON.stringify
 * one too: ~30 us a call for the two bodies and prompt.text, against ~1.
 */
const withoutBody = (http: CapturedHttp | undefined): CapturedHttp | undefined => http && { ...http, body: undefined };

// the fields that can grow without bound, wherever they sit in the record
const LONG_TEXT = new Set(["text", "system", "content", "arguments", "body"]);

/**
 * The call as JSON of at most maxBytes, with its UTF-8 size. When the whole
 * call does not fit, every long text is cut to the same length, halving it
 * until the record fits, only the latest messages are kept (fewer as the cut
 * deepens), and the record is flagged `truncated: true`. Undefined when even
 * the bare record does not fit. Without `bodies`, the raw request and response
 * bodies are left out (their byte counts stay). So is prompt.text when
 * `rebuilt` says the collector rebuilds it exactly (textIsRebuilt, see
 * rebuilt-prompt-text.ts); `slim` says it was left out.
 */
export function serializeCall(call: LLMCall, maxBytes: number, bodies = true, rebuilt?: (prompt: Prompt) => boolean): { json: string; bytes: number; slim: true | undefined } | undefined {
  const slim = !!rebuilt && !!call.prompt && rebuilt(call.prompt);
  if (slim || (!bodies && (call.request?.body !== undefined || call.response?.body !== undefined))) {
    // one shallow copy: the call itself stays whole for the other sinks
    call = { ...call };
    if (!bodies) (call.request = withoutBody(call.request)), (call.response = withoutBody(call.response));
    // (undefined: left out of the JSON, as a missing key is)
    if (slim) call.prompt = { ...call.prompt, text: undefined! };
  }
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
    if (bytes <= maxBytes) return { json, bytes, slim: slim || undefined };
  }
  return undefined;
}
