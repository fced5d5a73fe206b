// Normalizes every protocol's messages to role + text, so search, fingerprints
// and token estimates see one shape whatever the provider.
import type { Prompt, PromptMessage, ToolCall } from "../types.ts";
import { args, arr, clean, obj, str } from "./read.ts";

/**
 * Flattens a content value (string, parts array, block, Gemini content) to
 * plain text. A Gemini function response reads as its JSON, as a tool's
 * answer reads in the other protocols.
 */
export const textOf = (c: unknown): string => {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map(textOf).filter(Boolean).join("\n");
  const o = obj(c), inner = o.content ?? o.parts;
  return str(o.text) ?? (o.functionResponse ? args(obj(o.functionResponse).response) : inner ? textOf(inner) : "");
};

/**
 * A tool call in any protocol's shape: OpenAI/Ollama `{id, function: {name,
 * arguments}}`, Anthropic `{id, name, input}`, Gemini `{functionCall: {name,
 * args, id}}`, Responses `{call_id, name, arguments}` (its `id` names the item).
 */
export const toolCallOf = (t: unknown): ToolCall => {
  const o = obj(t), f = obj(o.function ?? o.functionCall ?? o);
  return clean({ name: str(f.name) ?? "", arguments: args(f.arguments ?? f.args ?? f.input), id: str(o.call_id ?? o.id ?? f.id) });
};

/** the strings of a value that may be one string or a list (prompts, embedding inputs) */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string");

export const message = (role: string, content: string, toolCalls?: ToolCall[]): PromptMessage =>
  clean({ role, content, toolCalls: toolCalls?.length ? toolCalls : undefined });

export const isToolCall = (p: { type?: unknown; functionCall?: unknown }) => /tool_use$/.test(String(p.type)) || !!p.functionCall;

/**
 * One conversation turn in the shapes the chat protocols share: OpenAI and
 * Ollama `{role, content, tool_calls}`, Anthropic `{role, content: blocks}`
 * (server_tool_use and mcp_tool_use blocks are calls too), Gemini `{role,
 * parts}`. Tool results travel in user turns (Anthropic tool_result blocks,
 * Gemini functionResponse parts); they read better as the tool speaking.
 */
export const messageOf = (m: unknown): PromptMessage => {
  const o = obj(m), content = o.content ?? o.parts, role = o.role === "model" ? "assistant" : (str(o.role) ?? "user");
  // most turns: text and no calls, read without the parts' arrays
  if (typeof content == "string" && !o.tool_calls) return { role, content };
  const parts = arr(content).map(obj);
  return message(parts.length && parts.every((p) => p.type === "tool_result" || p.functionResponse) ? "tool" : role, textOf(content), [...arr(o.tool_calls), ...parts.filter(isToolCall)].map(toolCallOf));
};

/**
 * The parts that are not empty, one a line: what parts.filter(Boolean).join("\n")
 * gives, concatenated instead. V8 keeps such a string as references to its
 * parts (a cons string) until something reads it whole, where join copied
 * them, so a record kept in memory does not hold its prompt's text a second
 * time: a peer-bench call held in memorySink took 6.3 KB of heap, 5.56 with this.
 */
const lines = (parts: (string | undefined)[]): string => parts.reduce<string>((text, part) => (!part ? text : text ? text + "\n" + part : part), "");

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
  return clean({ messages: rest, system: joined, text: lines([joined, ...rest.map((m) => m.content)]) });
};
