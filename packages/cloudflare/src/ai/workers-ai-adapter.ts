// The Workers AI protocol: `POST …/ai/run/{model}` with the model's inputs as
// the body, answered with `{ result }` (REST) or the result itself (the env.AI
// binding, which instrumentAI replays through the recorder), or with an SSE
// stream of `{ response }` events when `stream: true`. Newer models answer in
// the OpenAI chat shape, so both are read.
import {
  buildPrompt,
  textOf,
  type Completion,
  type Operation,
  type ParsedResponse,
  type ProviderAdapter,
  type ProviderError,
  type ProviderMatch,
  type StreamFormat,
  type ToolCall,
  type Usage,
} from "@llmscope/core";

type Obj = Record<string, any>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

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

function argumentsOf(value: unknown): string {
  return typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
}

function toolCallsOf(value: unknown): ToolCall[] {
  return list(value).map((t) => {
    const o = obj(t), fn = obj(o.function);
    const id = str(o.id);
    return { name: str(o.name) ?? str(fn.name) ?? "", arguments: argumentsOf(o.arguments ?? fn.arguments), ...(id ? { id } : {}) };
  });
}

function usageOf(u: unknown): Omit<Usage, "source"> | undefined {
  const o = obj(u);
  const inputTokens = num(o.prompt_tokens ?? o.input_tokens), outputTokens = num(o.completion_tokens ?? o.output_tokens);
  const totalTokens = num(o.total_tokens) ?? (inputTokens !== undefined && outputTokens !== undefined ? inputTokens + outputTokens : undefined);
  const usage = { inputTokens, outputTokens, totalTokens };
  for (const k of Object.keys(usage) as (keyof typeof usage)[]) if (usage[k] === undefined) delete usage[k];
  return Object.keys(usage).length ? usage : undefined;
}

function errorOf(body: Obj): ProviderError | undefined {
  const first = obj(list(body.errors)[0] ?? (typeof body.error === "object" ? body.error : undefined));
  const message = str(first.message) ?? str(body.error);
  if (!message) return undefined;
  const code = first.code === undefined ? undefined : String(first.code);
  return code ? { code, message } : { message };
}

/** Folds result bodies and stream events alike: text appended, usage and finish reason from the latest. */
function createFold() {
  let text = "", finishReason: string | undefined, model: string | undefined, usage: Omit<Usage, "source"> | undefined;
  let error: ProviderError | undefined;
  const toolCalls: ToolCall[] = [];
  return {
    add(data: unknown): boolean {
      const body = obj(data);
      const d = "result" in body ? obj(body.result) : body;
      error = errorOf(body) ?? error;
      const choice = obj(list(d.choices)[0]), message = obj(choice.message ?? choice.delta);
      const piece = (str(d.response) ?? "") + textOf(message.content);
      const calls = toolCallsOf(d.tool_calls ?? message.tool_calls);
      text += piece;
      toolCalls.push(...calls);
      finishReason = str(choice.finish_reason) ?? str(d.finish_reason) ?? finishReason;
      model = str(d.model) ?? model;
      usage = usageOf(d.usage) ?? usage;
      return piece.length > 0 || calls.length > 0;
    },
    result(): ParsedResponse {
      const completion: Completion = { text };
      if (finishReason) completion.finishReason = finishReason;
      if (toolCalls.length) completion.toolCalls = toolCalls;
      return { completion, ...(model ? { responseModel: model } : {}), ...(usage ? { usage } : {}), ...(error ? { error } : {}) };
    },
  };
}

export const workersAI: ProviderAdapter = {
  name: "workers-ai",
  match(url: URL, method: string): ProviderMatch | null {
    const model = method.toUpperCase() === "POST" ? RUN_PATH.exec(url.pathname)?.[1] : undefined;
    if (!model) return null;
    const decoded = decodeURIComponent(model);
    return { provider: "workers-ai", operation: operationOf(decoded), model: decoded };
  },
  parseRequest(body) {
    const b = obj(body);
    const messages = list(b.messages).map((m) => ({ role: str(obj(m).role) ?? "user", content: textOf(obj(m).content) }));
    if (!messages.length) {
      // text models take `prompt`; embedding models take `text`, one string or many
      const texts = typeof b.text === "string" ? [b.text] : list(b.text).filter((t): t is string => typeof t === "string");
      const prompt = str(b.prompt) ?? texts.join("\n");
      if (prompt) messages.push({ role: "user", content: prompt });
    }
    const params: Record<string, unknown> = {};
    for (const [wire, name] of Object.entries(PARAMS)) if (b[wire] !== undefined) params[name] = b[wire];
    if (Array.isArray(b.tools)) params.tools = b.tools.length;
    return { params, prompt: buildPrompt(messages), stream: b.stream === true };
  },
  parseResponse(body) {
    const fold = createFold();
    fold.add(body);
    return fold.result();
  },
  streamFormat(_match, contentType): StreamFormat | null {
    return contentType.includes("event-stream") ? "sse" : null;
  },
  createStream() {
    const fold = createFold();
    return {
      push(event) {
        const data = event.data.trim();
        if (!data || data === "[DONE]") return { content: false };
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          throw new Error(`stream event is not JSON: ${data.slice(0, 60)}`);
        }
        return { content: fold.add(parsed) };
      },
      result: () => fold.result(),
    };
  },
};
