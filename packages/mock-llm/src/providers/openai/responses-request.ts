import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import { type Generation, type PromptInput, generate } from "../../generation.ts";
import { isReasoningModel, modelOf, numberParam, toolSpecs } from "./request.ts";

/** The Responses API takes `input` as a string or a list of messages and tool items. */
export function responsesPrompt(input: unknown, instructions: unknown): PromptInput {
  const items = typeof input === "string" ? [{ role: "user", content: input }] : Array.isArray(input) ? (input as Record<string, unknown>[]) : [];
  const messages: PromptInput["messages"] = [];
  const system: string[] = typeof instructions === "string" && instructions ? [instructions] : [];
  for (const item of items) {
    if (item.type === "function_call_output") messages.push({ role: "tool", content: textOf(item.output) });
    else if (item.type === "function_call") messages.push({ role: "assistant", content: `${String(item.name)}(${String(item.arguments)})` });
    else if (item.role === "system" || item.role === "developer") system.push(textOf(item.content));
    else messages.push({ role: typeof item.role === "string" ? item.role : "user", content: textOf(item.content) });
  }
  const prompt: PromptInput = { messages, endsWithToolResult: messages.at(-1)?.role === "tool" };
  if (system.length > 0) prompt.system = system.join("\n");
  return prompt;
}

export function runResponses(ctx: MockContext): Generation {
  const model = modelOf(ctx);
  const input = { prompt: responsesPrompt(ctx.body.input, ctx.body.instructions), model, tools: toolSpecs(ctx.body.tools), reasoning: isReasoningModel(model) };
  const maxTokens = numberParam(ctx.body, "max_output_tokens");
  return generate(maxTokens === undefined ? input : { ...input, maxTokens }, ctx);
}

export function responsesUsage(g: Generation) {
  const output = g.outputTokens + g.reasoningTokens;
  return {
    input_tokens: g.inputTokens,
    input_tokens_details: { cached_tokens: g.cache.read },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: g.reasoningTokens },
    total_tokens: g.inputTokens + output,
  };
}

/** Length and content-filter stops leave the response `incomplete`, with the reason. */
export function incompleteReason(g: Generation): string | null {
  if (g.finish === "length") return "max_output_tokens";
  if (g.finish === "content_filter" || g.finish === "blocked") return "content_filter";
  return null;
}
