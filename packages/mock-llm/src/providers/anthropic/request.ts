import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import type { Generation, PromptInput, ToolSpec } from "../../generation.ts";

export function modelOf(ctx: MockContext): string {
  return typeof ctx.body.model === "string" && ctx.body.model ? ctx.body.model : "claude-sonnet-4-6";
}

function blockText(block: Record<string, unknown>): string {
  if (block.type === "tool_use") return `${String(block.name)}(${JSON.stringify(block.input ?? {})})`;
  return textOf(block);
}

export function messagesPrompt(system: unknown, messages: unknown): PromptInput {
  const list = Array.isArray(messages) ? (messages as Record<string, unknown>[]) : [];
  const out = list.map((m) => ({
    role: typeof m.role === "string" ? m.role : "user",
    content: Array.isArray(m.content) ? (m.content as Record<string, unknown>[]).map(blockText).join("\n") : textOf(m.content),
  }));
  const last = list.at(-1);
  const endsWithToolResult =
    Array.isArray(last?.content) && (last.content as Record<string, unknown>[]).some((block) => block.type === "tool_result");
  const prompt: PromptInput = { messages: out, endsWithToolResult };
  const systemText = textOf(system);
  if (systemText) prompt.system = systemText;
  return prompt;
}

export function anthropicTools(tools: unknown): ToolSpec[] {
  if (!Array.isArray(tools)) return [];
  return (tools as Record<string, unknown>[])
    .filter((t) => typeof t.name === "string")
    .map((t) => ({ name: t.name as string, parameters: t.input_schema }));
}

/** Prompt caching happens only where the request marks blocks with cache_control. */
export function usesPromptCache(body: Record<string, unknown>): boolean {
  return JSON.stringify([body.system ?? null, body.messages ?? null, body.tools ?? null]).includes('"cache_control"');
}

/** input_tokens excludes what was written to or read from the cache. */
export function inputUsage(g: Generation, caching: boolean) {
  const written = caching ? g.cache.written : 0;
  const read = caching ? g.cache.read : 0;
  return { input_tokens: g.inputTokens - written - read, cache_creation_input_tokens: written, cache_read_input_tokens: read };
}

export function stopReason(g: Generation): string {
  switch (g.finish) {
    case "length":
      return "max_tokens";
    case "tool_call":
      return "tool_use";
    case "content_filter":
    case "refusal":
    case "blocked":
      return "refusal";
    default:
      return "end_turn";
  }
}

export function toolUseId(g: Generation): string {
  return `toolu_${g.toolCall?.id ?? ""}`;
}
