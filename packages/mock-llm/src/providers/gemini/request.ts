import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import type { PromptInput, ToolSpec } from "../../generation.ts";

export function modelOf(ctx: MockContext): string {
  return (ctx.route.model ?? "gemini-2.5-flash").replace(/^models\//, "");
}

/** Gemini 2.5 and later think before answering; thoughts are billed but not in candidatesTokenCount. */
export function isThinkingModel(model: string): boolean {
  return /gemini-(2\.5|[3-9])/.test(model);
}

function partText(part: Record<string, unknown>): string {
  if (part.functionCall) return JSON.stringify(part.functionCall);
  if (part.functionResponse) return JSON.stringify(part.functionResponse);
  return typeof part.text === "string" ? part.text : "";
}

export function geminiPrompt(contents: unknown, systemInstruction: unknown): PromptInput {
  const list = Array.isArray(contents) ? (contents as Record<string, unknown>[]) : [];
  const messages = list.map((c) => ({
    role: c.role === "model" ? "assistant" : "user",
    content: (Array.isArray(c.parts) ? (c.parts as Record<string, unknown>[]) : []).map(partText).join("\n"),
  }));
  const lastParts = list.at(-1)?.parts;
  const endsWithToolResult = Array.isArray(lastParts) && (lastParts as Record<string, unknown>[]).some((p) => p.functionResponse !== undefined);
  const prompt: PromptInput = { messages, endsWithToolResult };
  const system = systemInstruction && typeof systemInstruction === "object" ? textOf((systemInstruction as { parts?: unknown }).parts) : textOf(systemInstruction);
  if (system) prompt.system = system;
  return prompt;
}

export function geminiTools(tools: unknown): ToolSpec[] {
  if (!Array.isArray(tools)) return [];
  const specs: ToolSpec[] = [];
  for (const tool of tools as Record<string, unknown>[]) {
    const declarations = Array.isArray(tool.functionDeclarations) ? (tool.functionDeclarations as Record<string, unknown>[]) : [];
    for (const d of declarations) {
      if (typeof d.name === "string") specs.push({ name: d.name, parameters: d.parameters ?? d.parametersJsonSchema });
    }
  }
  return specs;
}

export function maxOutputTokens(body: Record<string, unknown>): number | undefined {
  const config = body.generationConfig as { maxOutputTokens?: unknown } | undefined;
  return typeof config?.maxOutputTokens === "number" ? config.maxOutputTokens : undefined;
}
