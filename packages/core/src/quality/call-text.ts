// What the heuristics read from a call: the question asked and the answer given.
import type { LLMCall } from "../types.ts";

/** the last user message (the question being answered), else the flattened prompt */
export function questionOf(call: LLMCall): string {
  const messages = call.prompt?.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === "user" && typeof m.content === "string" && m.content.trim()) return m.content;
  }
  return call.prompt?.text ?? "";
}

export const answerOf = (call: LLMCall): string => (typeof call.completion?.text === "string" ? call.completion.text : "");

/** a call that produced something to judge: finished, no transport or provider error */
export const hasAnswer = (call: LLMCall): boolean => !call.error && answerOf(call).trim().length > 0;
