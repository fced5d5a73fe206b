// Normalizes every protocol's messages to role + text, so search, fingerprints
// and token estimates see one shape whatever the provider.
import type { Prompt, PromptMessage, ToolCall } from "../types.ts";
import { args, clean, obj, str } from "./read.ts";

/** Flattens a content value (string, parts array, block, Gemini content) to plain text. */
export const textOf = (c: unknown): string => {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map(textOf).filter(Boolean).join("\n");
  const o = obj(c);
  return str(o.text) ?? (o.content ?? o.parts ? textOf(o.content ?? o.parts) : "");
};

/** An OpenAI/Ollama style tool call: `{id, function: {name, arguments}}`. */
export const callOf = (t: unknown): ToolCall => {
  const o = obj(t), f = obj(o.function);
  return clean({ name: str(f.name) ?? "", arguments: args(f.arguments), id: str(o.id) });
};

/** the strings of a value that may be one string or a list (prompts, embedding inputs) */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string");

export const message = (role: string, content: string, toolCalls?: ToolCall[]): PromptMessage =>
  clean({ role, content, toolCalls: toolCalls?.length ? toolCalls : undefined });

/**
 * Builds the recorded prompt. System and developer messages are lifted into
 * `system` (joined after any protocol-level system prompt) because the system
 * prompt is what a template is usually made of.
 */
export const buildPrompt = (messages: PromptMessage[], system?: string): Prompt => {
  const sys = system ? [system] : [];
  const rest: PromptMessage[] = [];
  for (const m of messages) (m.role === "system" || m.role === "developer" ? sys.push(m.content) : rest.push(m));
  const joined = sys.join("\n") || undefined;
  return clean({ messages: rest, system: joined, text: [joined, ...rest.map((m) => m.content)].filter(Boolean).join("\n") });
};
