import type { Prompt } from "../types.ts";
import { fnv1a64 } from "./fnv1a64.ts";
import { normalizePromptText } from "./normalize-prompt-text.ts";

// Runs on every call: read a bounded amount however large the prompt is.
const MAX_CHARS_PER_MESSAGE = 8_192;
const MAX_CHARS_TOTAL = 65_536;

/**
 * A short stable id of a prompt's pattern: calls rendered from one template
 * with different values share it. An explicit promptId names the pattern instead.
 */
export function fingerprintPrompt(prompt: Prompt, promptId?: string): string {
  if (typeof promptId == "string" && promptId) return "p:" + promptId;
  let budget = MAX_CHARS_TOTAL;
  const read = (text: string | undefined): string => {
    const slice = text ? text.slice(0, Math.min(MAX_CHARS_PER_MESSAGE, budget)) : "";
    budget -= slice.length;
    return normalizePromptText(slice);
  };
  // roles and tool names are structure and kept verbatim; separators keep
  // ("ab","c") and ("a","bc") apart
  const messages = prompt?.messages ?? [];
  const parts = [
    "s\u0001" + read(prompt?.system),
    ...messages.map((m) => `${m.role}\u0001${read(m.content)}\u0001${m.toolCalls?.map((call) => call.name).join(",") ?? ""}`),
  ];
  if (!messages.length) parts.push("t\u0001" + read(prompt?.text));
  return fnv1a64(parts.join("\u0002"));
}
