// How a call's tokens are counted, whatever the tokenizer: OpenAI's chat
// overhead per message, embeddings input only, completions' text.
import type { Completion, LLMCall, PromptMessage } from "../types.ts";
import type { CountTokens } from "./counter-cache.ts";
import { encodingForModel, type Encoding } from "./encoding-for-model.ts";
import { REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE } from "./chat-overhead.ts";
import type { EstimatedCall, EstimatedUsage } from "./token-estimator.ts";

function countToolCalls(count: CountTokens, toolCalls: PromptMessage["toolCalls"]): number {
  let tokens = 0;
  for (const call of toolCalls ?? []) tokens += count(call.name ?? "") + count(call.arguments ?? "");
  return tokens;
}

function countMessage(count: CountTokens, message: PromptMessage): number {
  return TOKENS_PER_MESSAGE + count(message.role ?? "") + count(message.content ?? "") + countToolCalls(count, message.toolCalls);
}

function countChat(count: CountTokens, prompt: LLMCall["prompt"]): number {
  const messages = prompt?.messages ?? [];
  let tokens = REPLY_PRIMING_TOKENS;
  for (const message of messages) tokens += countMessage(count, message);
  // Anthropic and Gemini carry the system prompt beside the messages; OpenAI inside them.
  const systemInMessages = messages.some((m) => m.role === "system" || m.role === "developer");
  if (prompt?.system && !systemInMessages) tokens += countMessage(count, { role: "system", content: prompt.system });
  if (messages.length === 0 && !prompt?.system && prompt?.text) tokens += countMessage(count, { role: "user", content: prompt.text });
  return tokens;
}

function countEmbeddingInput(count: CountTokens, prompt: LLMCall["prompt"]): number {
  const messages = prompt?.messages ?? [];
  if (messages.length === 0) return count(prompt?.text ?? "");
  let tokens = 0;
  for (const message of messages) tokens += count(message.content ?? "");
  return tokens;
}

function countCompletion(count: CountTokens, completion: Completion | undefined): number {
  return count(completion?.text ?? "") + countToolCalls(count, completion?.toolCalls);
}

/**
 * Input and output tokens of a call, counted with the model's encoding by the
 * counter counterFor gives for it. Chat-shaped calls include the per-message
 * overhead; embeddings have input only.
 */
export async function countUsage(call: EstimatedCall, counterFor: (encoding: Encoding) => Promise<CountTokens>): Promise<EstimatedUsage> {
  const count = await counterFor(encodingForModel(call.model));
  switch (call.operation) {
    case "embeddings":
      return { inputTokens: countEmbeddingInput(count, call.prompt), outputTokens: 0 };
    case "completion":
    case "generate": {
      const text = call.prompt?.text ?? "";
      const system = call.prompt?.system && !text.includes(call.prompt.system) ? call.prompt.system : "";
      return { inputTokens: count(system) + count(text), outputTokens: countCompletion(count, call.completion) };
    }
    default:
      return { inputTokens: countChat(count, call.prompt), outputTokens: countCompletion(count, call.completion) };
  }
}
