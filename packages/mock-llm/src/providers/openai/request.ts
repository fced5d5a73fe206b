import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import type { PromptInput, ToolSpec } from "../../generation.ts";

export function modelOf(ctx: MockContext, fallback = "gpt-4o-mini"): string {
  return typeof ctx.body.model === "string" && ctx.body.model ? ctx.body.model : (ctx.route.model ?? fallback);
}

/** o-series and gpt-5 spend hidden reasoning tokens, counted inside completion tokens. */
export function isReasoningModel(model: string): boolean {
  return /^(?:[\w-]+\/)?(o\d|gpt-5)/.test(model);
}

const SNAPSHOTS: Record<string, string> = {
  "gpt-4o": "gpt-4o-2024-08-06",
  "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
  "gpt-4.1": "gpt-4.1-2025-04-14",
  "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
  "gpt-4.1-nano": "gpt-4.1-nano-2025-04-14",
  "o3-mini": "o3-mini-2025-01-31",
  "o4-mini": "o4-mini-2025-04-16",
};

/** OpenAI answers with the dated snapshot behind an alias. */
export function responseModelOf(model: string): string {
  return SNAPSHOTS[model] ?? model;
}

export function chatPrompt(messages: unknown): PromptInput {
  const list = Array.isArray(messages) ? (messages as Record<string, unknown>[]) : [];
  const system: string[] = [];
  const out: PromptInput["messages"] = [];
  for (const m of list) {
    const role = typeof m.role === "string" ? m.role : "user";
    const content = textOf(m.content) + (m.tool_calls ? JSON.stringify(m.tool_calls) : "");
    if (role === "system" || role === "developer") system.push(content);
    else out.push({ role, content });
  }
  const last = out[out.length - 1];
  const prompt: PromptInput = { messages: out, endsWithToolResult: last?.role === "tool" || last?.role === "function" };
  if (system.length > 0) prompt.system = system.join("\n");
  return prompt;
}

/** Chat Completions nests the function (`{type, function: {name, parameters}}`); Responses does not. */
export function toolSpecs(tools: unknown): ToolSpec[] {
  if (!Array.isArray(tools)) return [];
  const specs: ToolSpec[] = [];
  for (const tool of tools as Record<string, unknown>[]) {
    const fn = (tool.function ?? tool) as Record<string, unknown>;
    if (typeof fn.name === "string") specs.push({ name: fn.name, parameters: fn.parameters });
  }
  return specs;
}

export function numberParam(body: Record<string, unknown>, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = body[name];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return undefined;
}
