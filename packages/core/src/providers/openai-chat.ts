// OpenAI Chat Completions, also spoken by Azure, Groq, Mistral, DeepSeek,
// OpenRouter, Together, Workers AI, vLLM, Ollama's /v1 and most gateways.
import { chatRequest, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { REFUSAL, type ChunkReader } from "./accumulate.ts";
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

export const openaiChatWire = defineWire("openai-chat", onOpenAIPath(/\/chat\/completions\/?$/, "chat"), readOpenAI);

// not chatRequest itself: the match would arrive as the system prompt
export const readOpenAIChatRequest: RequestReader = (b) => chatRequest(b);

export const openaiChat = /* @__PURE__ */ withRequest(openaiChatWire, readOpenAIChatRequest);
