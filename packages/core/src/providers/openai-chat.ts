// OpenAI Chat Completions, also spoken by Azure, Groq, Mistral, DeepSeek,
// OpenRouter, Together, Workers AI, vLLM, Ollama's /v1 and most gateways.
import { defineAdapter, parsed } from "./adapter.ts";
import { REFUSAL, type ChunkReader } from "./accumulate.ts";
import { openaiMatch } from "./openai-url.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, callOf, message, textOf } from "./prompt-text.ts";
import { arr, num, obj, str } from "./read.ts";

const PARAMS =
  "temperature top_p max_tokens max_completion_tokens=maxTokens tools tool_choice response_format reasoning_effort stop seed frequency_penalty presence_penalty";

/** Reads chat, legacy completions and embeddings bodies and stream chunks alike. */
export const readOpenAI: ChunkReader = (d) => {
  const c = obj(arr(d.choices)[0]), m = obj(c.message ?? c.delta), refusal = str(m.refusal);
  return {
    text: textOf(m.content) + (str(c.text) ?? "") + (refusal ?? ""),
    calls: arr(m.tool_calls).map((t) => ({ ...callOf(t), index: num(obj(t).index) })),
    finish: str(c.finish_reason),
    model: str(d.model),
    usage: d.usage,
    error: refusal ? REFUSAL : undefined,
  };
};

export const openaiChat = defineAdapter(
  "openai-chat",
  (url) => (/\/chat\/completions\/?$/.test(url.pathname) ? openaiMatch(url, "chat") : null),
  (body) => {
    const b = obj(body);
    const messages = arr(b.messages).map((m) => {
      const o = obj(m);
      return message(str(o.role) ?? "user", textOf(o.content), arr(o.tool_calls).map(callOf));
    });
    return parsed(b.model, pickParams(b, PARAMS), buildPrompt(messages), b.stream === true, Array.isArray(b.messages));
  },
  readOpenAI,
);
