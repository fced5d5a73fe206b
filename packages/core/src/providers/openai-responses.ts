// OpenAI Responses API (/v1/responses), also served by Azure (/openai/v1/responses).
import { parsed, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { REFUSAL, type Chunk, type ChunkReader } from "./accumulate.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { paramsOf } from "./params.ts";
import { message, messageOf, textOf, toolCallOf } from "./prompt-text.ts";
import { arr, errorOf, num, obj, str, type Obj } from "./read.ts";

/** Output items, as a whole body lists them and as output_item.added announces one (`index` joins its argument deltas). */
const outputOf = (items: Obj[], index?: number): Chunk => {
  const parts = items.flatMap((o) => (o.type === "message" ? arr(o.content).map(obj) : []));
  return {
    text: parts.map((p) => str(p.text) ?? str(p.refusal) ?? "").join(""),
    calls: items.filter((o) => o.type === "function_call").map((o) => ({ ...toolCallOf(o), index })),
    error: parts.some((p) => p.type === "refusal") ? REFUSAL : undefined,
  };
};

/** Reads both a whole response object and the named SSE events of a stream. */
const read: ChunkReader = (d, event) => {
  const type = (str(d.type) ?? event ?? "").replace("response.", ""), delta = str(d.delta);
  if (type === "output_text.delta") return { text: delta };
  if (type === "refusal.delta") return { text: delta, error: REFUSAL };
  if (type === "function_call_arguments.delta") return { calls: [{ index: num(d.output_index), arguments: delta }] };
  if (type === "output_item.added") return outputOf([obj(d.item)], num(d.output_index));
  if (type === "error") return { error: errorOf({ error: { ...d, type: undefined } }) };
  // lifecycle events (created, completed, incomplete, failed) wrap the response;
  // their output repeats the deltas already taken, so only a plain body's output is read
  const r = obj(d.response ?? d), out = d.response ? {} : outputOf(arr(r.output).map(obj)), status = str(r.status);
  return {
    ...out,
    finish: status === "in_progress" || status === "queued" ? undefined : (str(obj(r.incomplete_details).reason) ?? status),
    model: str(r.model),
    usage: r.usage,
    error: out.error ?? errorOf(r),
  };
};

export const openaiResponsesWire = defineWire("openai-responses", onOpenAIPath(/\/(v1|openai)\/responses\/?$/, "responses"), read);

export const readOpenAIResponsesRequest: RequestReader = (b) => {
  const items = typeof b.input === "string" ? [{ content: b.input }] : arr(b.input);
  const messages = items.flatMap((item) => {
    const o = obj(item);
    if (o.type === "function_call") return [message("assistant", "", [toolCallOf(o)])];
    if (o.type === "function_call_output") return [message("tool", textOf(o.output))];
    // reasoning items and references carry nothing a reader of the prompt needs
    return (o.type ?? "message") === "message" ? [messageOf(o)] : [];
  });
  return parsed(b.model, paramsOf(b), messages, str(b.instructions), b.stream === true, b.input !== undefined || b.prompt !== undefined);
};

export const openaiResponses = /* @__PURE__ */ withRequest(openaiResponsesWire, readOpenAIResponsesRequest);
