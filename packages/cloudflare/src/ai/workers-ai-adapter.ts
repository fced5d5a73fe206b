// The Workers AI protocol: `POST …/ai/run/{model}` with the model's inputs as
// the body, answered with `{ result }` (REST) or the result itself (the env.AI
// binding, which instrumentAI replays through the recorder), or with an SSE
// stream of `{ response }` events when `stream: true`. Newer models answer in
// the OpenAI chat shape, so both are read.
import type { Operation } from "@llmscope/core";
import {
  arr,
  buildPrompt,
  defineAdapter,
  obj,
  readOpenAI,
  str,
  strings,
  textOf,
  toolCallOf,
  type ChunkReader,
  type Obj,
  type ParsedRequest,
  type ProviderError,
  type ProviderMatch,
} from "@llmscope/core/providers";

const RUN_PATH = /\/ai\/run\/(@[^?#]+)$/;
const PARAMS: Record<string, string> = {
  temperature: "temperature",
  top_p: "topP",
  top_k: "topK",
  max_tokens: "maxTokens",
  seed: "seed",
  repetition_penalty: "repetitionPenalty",
  frequency_penalty: "frequencyPenalty",
  presence_penalty: "presencePenalty",
  response_format: "responseFormat",
};

function operationOf(model: string): Operation {
  return /embed|bge-|\/bge/i.test(model) ? "embeddings" : "chat";
}

/** Workers AI reports failures as `{ success: false, errors: [{ code, message }] }`, or in an `error` member. */
function errorOf(body: Obj): ProviderError | undefined {
  const first = obj(arr(body.errors)[0] ?? (typeof body.error === "object" ? body.error : undefined));
  const message = str(first.message) ?? str(body.error);
  if (!message) return undefined;
  const code = first.code === undefined ? undefined : String(first.code);
  return code ? { code, message } : { message };
}

/** REST answers wrap the output in `result`; the text is `response`, or the OpenAI chat shape on newer models. */
const readWorkersAI: ChunkReader = (body) => {
  const d = "result" in body ? obj(body.result) : body;
  const chat = readOpenAI(d)!;
  return {
    ...chat,
    text: (str(d.response) ?? "") + chat.text,
    calls: d.tool_calls ? arr(d.tool_calls).map(toolCallOf) : chat.calls,
    finish: chat.finish ?? str(d.finish_reason),
    error: errorOf(body) ?? chat.error,
  };
};

function matchRun(url: URL, method: string): ProviderMatch | null {
  const model = method.toUpperCase() === "POST" ? RUN_PATH.exec(url.pathname)?.[1] : undefined;
  if (!model) return null;
  const decoded = decodeURIComponent(model);
  return { provider: "workers-ai", operation: operationOf(decoded), model: decoded };
}

function parseRun(b: Obj): ParsedRequest {
  const messages = arr(b.messages).map((m) => ({ role: str(obj(m).role) ?? "user", content: textOf(obj(m).content) }));
  if (!messages.length) {
    // text models take `prompt`; embedding models take `text`, one string or many
    const prompt = str(b.prompt) ?? strings(b.text).join("\n");
    if (prompt) messages.push({ role: "user", content: prompt });
  }
  const params: Record<string, unknown> = {};
  for (const [wire, name] of Object.entries(PARAMS)) if (b[wire] !== undefined) params[name] = b[wire];
  if (Array.isArray(b.tools)) params.tools = b.tools.length;
  return { params, prompt: buildPrompt(messages), stream: b.stream === true };
}

export const workersAI = defineAdapter("workers-ai", matchRun, parseRun, readWorkersAI);
