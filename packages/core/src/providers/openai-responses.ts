// OpenAI Responses API (/v1/responses), also served by Azure (/openai/v1/responses).
import { defineAdapter, parsed } from "./adapter.ts";
import { REFUSAL, type ChunkReader } from "./accumulate.ts";
import { openaiMatch } from "./openai-url.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, message, textOf } from "./prompt-text.ts";
import { args, arr, errorOf, num, obj, str } from "./read.ts";

const PARAMS = "temperature top_p max_output_tokens=maxTokens tools tool_choice text.format=responseFormat reasoning.effort=reasoningEffort";

/** Reads both a whole response object and the named SSE events of a stream. */
const read: ChunkReader = (d, event) => {
  const type = (str(d.type) ?? event ?? "").replace("response.", ""), index = num(d.output_index), item = obj(d.item);
  if (type === "output_text.delta") return { text: str(d.delta) };
  if (type === "refusal.delta") return { text: str(d.delta), error: REFUSAL };
  if (type === "function_call_arguments.delta") return { calls: [{ index, arguments: str(d.delta) }] };
  if (type === "output_item.added")
    return item.type === "function_call" ? { calls: [{ index, name: str(item.name), id: str(item.call_id), arguments: "" }] } : undefined;
  if (type === "error") return { error: errorOf({ error: { ...d, type: undefined } }) };
  // lifecycle events (created, completed, incomplete, failed) wrap the response;
  // their output repeats the deltas already taken, so only a plain body's output is read
  const r = d.response ? obj(d.response) : d, out = d.response ? [] : arr(r.output).map(obj);
  const parts = out.flatMap((o) => (o.type === "message" ? arr(o.content).map(obj) : []));
  const status = str(r.status);
  return {
    text: parts.map((p) => str(p.text) ?? str(p.refusal) ?? "").join(""),
    calls: out.filter((o) => o.type === "function_call").map((o) => ({ name: str(o.name), arguments: str(o.arguments), id: str(o.call_id) })),
    finish: status === "in_progress" || status === "queued" ? undefined : (str(obj(r.incomplete_details).reason) ?? status),
    model: str(r.model),
    usage: r.usage,
    error: parts.some((p) => p.type === "refusal") ? REFUSAL : errorOf(r),
  };
};

export const openaiResponses = defineAdapter(
  "openai-responses",
  (url) => (/\/(v1|openai)\/responses\/?$/.test(url.pathname) ? openaiMatch(url, "responses") : null),
  (body) => {
    const b = obj(body);
    const items = typeof b.input === "string" ? [{ role: "user", content: b.input }] : arr(b.input);
    const messages = items.flatMap((item) => {
      const o = obj(item);
      if (o.type === "function_call") return [message("assistant", "", [{ name: str(o.name) ?? "", arguments: args(o.arguments), id: str(o.call_id) }])];
      if (o.type === "function_call_output") return [message("tool", textOf(o.output))];
      // reasoning items and references carry nothing a reader of the prompt needs
      return o.type === undefined || o.type === "message" ? [message(str(o.role) ?? "user", textOf(o.content))] : [];
    });
    const prompt = buildPrompt(messages, str(b.instructions));
    return parsed(b.model, pickParams(b, PARAMS), prompt, b.stream === true, b.input !== undefined || b.prompt !== undefined);
  },
  read,
);
