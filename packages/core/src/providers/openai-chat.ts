// OpenAI Chat Completions, also spoken by Azure, Groq, Mistral, DeepSeek,
// OpenRouter, Together, Workers AI, vLLM, Ollama's /v1 and most gateways.
import { chatRequest, defineWire, sse, withRequest, type RequestReader } from "./adapter.ts";
import { REFUSAL, type ChunkReader, type QuickReader } from "./accumulate.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { textOf, toolCallOf } from "./prompt-text.ts";
import { arr, num, obj, str } from "./read.ts";

/** Reads chat, legacy completions and embeddings bodies and stream chunks alike. */
export const readOpenAI: ChunkReader = (d) => {
  const c = obj(arr(d.choices)[0]), m = obj(c.message ?? c.delta), refusal = str(m.refusal);
  return {
    text: textOf(m.content) + (str(c.text) ?? "") + (refusal ?? ""),
    calls: arr(m.tool_calls).map((t) => ({ ...toolCallOf(t), index: num(obj(t).index) })),
    finish: str(c.finish_reason),
    model: str(d.model),
    usage: d.usage,
    error: refusal ? REFUSAL : undefined,
  };
};

// A text delta as OpenAI sends it (the optional members as it and compatible servers add them), whole: its JSON
// strings hold no escape but in the content, its number no leading zero, so what matches is valid JSON.
const TEXT_DELTA =
  /^\{"id":"[^"\\\0-\x1f]*","object":"chat\.completion\.chunk","created":(?:0|[1-9]\d*),"model":"([^"\\\0-\x1f]*)",(?:"(?:service_tier|system_fingerprint)":"[^"\\\0-\x1f]*",)*"choices":\[\{"index":0,"delta":\{(?:"role":"assistant",)?"content":"((?:[^"\\\0-\x1f]|\\.)*)"(?:,"refusal":null)?\},"logprobs":null,"finish_reason":null\}\](?:,"usage":null)?(?:,"obfuscation":"[^"\\\0-\x1f]*")?\}$/;

/**
 * Nearly every event of a chat stream is a text delta: read by one match rather
 * than parsed into objects and walked (with the framer's line ends found by
 * indexOf, a 48-event answer's recording went from ~565 to ~475 µs of CPU in
 * bench/peers/call-path.mjs). A bad escape in the content throws, as the
 * parse of the event would.
 */
export const quickOpenAIDelta: QuickReader = (data) => {
  const m = TEXT_DELTA.exec(data);
  return m ? { model: m[1]!, text: m[2]!.includes("\\") ? (JSON.parse(`"${m[2]}"`) as string) : m[2]! } : undefined;
};

export const openaiChatWire = defineWire("openai-chat", onOpenAIPath(/\/chat\/completions\/?$/, "chat"), readOpenAI, sse, quickOpenAIDelta);

// not chatRequest itself: the match would arrive as the system prompt
export const readOpenAIChatRequest: RequestReader = (b) => chatRequest(b);

export const openaiChat = /* @__PURE__ */ withRequest(openaiChatWire, readOpenAIChatRequest);
