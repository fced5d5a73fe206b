import { type AnswerFocus, REFUSAL_TEXT, answerFor } from "./content/answer.ts";
import { hashString, shortId } from "./content/hash.ts";
import type { CacheUse, PromptCache } from "./content/prompt-cache.ts";
import { capPieces, estimateTokens, splitIntoPieces } from "./content/tokens.ts";
import { argumentsFor } from "./content/tool-args.ts";
import type { ScenarioId } from "./scenarios.ts";

/** A provider-neutral view of the request, which each provider builds from its own body. */
export interface PromptInput {
  system?: string;
  messages: { role: string; content: string }[];
  /** the conversation ends with a tool result, so the model answers in text instead of calling again */
  endsWithToolResult: boolean;
}

export interface ToolSpec {
  name: string;
  parameters: unknown;
}

export interface GenerateInput {
  prompt: PromptInput;
  model: string;
  maxTokens?: number;
  tools: ToolSpec[];
  /** the model family thinks before answering (o-series, gpt-5, Gemini 2.5+) */
  reasoning?: boolean;
}

export interface GenerateContext {
  scenario: ScenarioId;
  /** non-zero only when the caller asked for varied answers */
  salt: number;
  cache: PromptCache;
}

export type FinishKind = "stop" | "length" | "tool_call" | "content_filter" | "refusal" | "blocked";

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  argumentsJson: string;
}

export interface Generation {
  text: string;
  pieces: string[];
  finish: FinishKind;
  toolCall?: ToolCall;
  inputTokens: number;
  /** visible output only; providers that count reasoning inside output add it themselves */
  outputTokens: number;
  reasoningTokens: number;
  cache: CacheUse;
  /** stable per prompt: seeds ids so repeated requests look alike */
  promptHash: number;
}

export function promptText(prompt: PromptInput): string {
  const parts = prompt.system ? [prompt.system] : [];
  for (const m of prompt.messages) parts.push(m.content);
  return parts.join("\n");
}

/** The user's last question (not a tool result sent back as a user turn) and the tool result that ends the prompt. */
export function focusOf(prompt: PromptInput): AnswerFocus {
  const messages = prompt.endsWithToolResult ? prompt.messages.slice(0, -1) : prompt.messages;
  const question = messages.findLast((m) => m.role === "user" && m.content.trim())?.content;
  const toolResult = prompt.endsWithToolResult ? prompt.messages.at(-1)?.content : undefined;
  return { ...(question ? { question } : {}), ...(toolResult ? { toolResult } : {}) };
}

export function inputTokensOf(prompt: PromptInput): number {
  // Chat formats spend a few tokens per message on role markers.
  let tokens = 3 + (prompt.system ? estimateTokens(prompt.system) + 4 : 0);
  for (const m of prompt.messages) tokens += estimateTokens(m.content) + 4;
  return tokens;
}

export function generate(input: GenerateInput, ctx: GenerateContext): Generation {
  const text = promptText(input.prompt);
  const promptHash = hashString(text);
  const inputTokens = inputTokensOf(input.prompt);
  const cache = ctx.cache.lookup(`${input.model}\u0000${text}`, inputTokens);
  const base = { inputTokens, cache, promptHash, reasoningTokens: input.reasoning ? 64 * (1 + (promptHash % 4)) : 0 };

  const wantsTool =
    ctx.scenario === "tool_call" || (ctx.scenario === "normal" && input.tools.length > 0 && !input.prompt.endsWithToolResult);
  if (wantsTool) {
    const tool = input.tools[0] ?? { name: "get_weather", parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] } };
    const args = argumentsFor(tool.parameters, text, focusOf(input.prompt).question);
    const argumentsJson = JSON.stringify(args);
    const toolCall = { id: shortId(promptHash, 24), name: tool.name, arguments: args, argumentsJson };
    return { ...base, text: "", pieces: [], finish: "tool_call", toolCall, outputTokens: estimateTokens(tool.name + argumentsJson) + 8 };
  }
  if (ctx.scenario === "blocked") return { ...base, text: "", pieces: [], finish: "blocked", outputTokens: 0 };

  const full = splitIntoPieces(ctx.scenario === "refusal" ? REFUSAL_TEXT : answerFor(text, ctx.salt, focusOf(input.prompt)));
  let { pieces, capped } = capPieces(full, input.maxTokens);
  let finish: FinishKind = ctx.scenario === "refusal" ? "refusal" : capped ? "length" : "stop";
  if (ctx.scenario === "content_filter") {
    pieces = pieces.slice(0, Math.max(1, Math.floor(pieces.length / 2)));
    finish = "content_filter";
  }
  const out = pieces.join("");
  return { ...base, text: out, pieces, finish, outputTokens: estimateTokens(out) };
}
