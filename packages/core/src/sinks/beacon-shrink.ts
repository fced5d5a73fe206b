// A call too big for one beacon payload loses text from its largest parts
// (bodies, prompt, completion) rather than being dropped whole.
import type { CapturedHttp, LLMCall, ToolCall } from "../types.ts";

const cut = <T extends string | undefined>(s: T, n: number): T => (s && s.length > n ? s.slice(0, n) : s) as T;
const cutHttp = (h: CapturedHttp | undefined, n: number) => h && { ...h, body: cut(h.body, n) };
const cutTools = (t: ToolCall[] | undefined, n: number) => t?.map((c) => ({ ...c, arguments: cut(c.arguments, n) }));

/**
 * The call as JSON of at most maxBytes, with every long string cut to the same
 * length, halving it until the record fits; flagged `truncated: true`.
 * Undefined when even the bare record does not fit.
 */
export function shrinkCall(call: LLMCall, maxBytes: number, size: (s: string) => number): string | undefined {
  const { prompt, completion } = call;
  for (let n = maxBytes >> 2; n >= 8; n >>= 1) {
    const json = JSON.stringify({
      ...call,
      truncated: true,
      prompt: {
        ...prompt,
        text: cut(prompt.text, n),
        system: cut(prompt.system, n),
        messages: prompt.messages.slice(-Math.max(1, n >> 6)).map((m) => ({ ...m, content: cut(m.content, n), toolCalls: cutTools(m.toolCalls, n) })),
      },
      completion: { ...completion, text: cut(completion.text, n), toolCalls: cutTools(completion.toolCalls, n) },
      request: cutHttp(call.request, n),
      response: cutHttp(call.response, n),
    } satisfies LLMCall);
    if (size(json) <= maxBytes) return json;
  }
  return undefined;
}
