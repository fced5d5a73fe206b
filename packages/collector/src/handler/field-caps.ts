// Over-long text is cut rather than refused: a call with a huge prompt is still
// worth keeping, and refusing it would lose the whole batch. Cut calls carry
// `truncated: true`. Lengths are in UTF-16 code units (JavaScript string length);
// a cut never splits a surrogate pair, and lone surrogates become U+FFFD, so
// every stored string has a UTF-8 form.
import type { LLMCall } from "@llmscope/core";
import { cutOnCodePoint, wellFormed } from "../shared/well-formed.ts";

export interface FieldCaps {
  /** prompt text, system prompt, each message, completion text, tool-call arguments, error message */
  maxTextChars: number;
  /** captured raw request/response bodies */
  maxBodyChars: number;
  /** messages kept per prompt (the first ones) */
  maxMessages: number;
  maxTagValueChars: number;
  maxTags: number;
}

export const DEFAULT_FIELD_CAPS: FieldCaps = {
  maxTextChars: 64 * 1024,
  maxBodyChars: 64 * 1024,
  maxMessages: 200,
  maxTagValueChars: 256,
  maxTags: 64,
};

/** cuts fields over their cap in place; returns whether anything was cut */
export function applyFieldCaps(call: LLMCall, caps: FieldCaps): boolean {
  let cut = false;
  const text = (s: string, max: number): string => {
    if (s.length > max) cut = true;
    return wellFormed(cutOnCodePoint(s, max));
  };
  call.prompt.text = text(call.prompt.text, caps.maxTextChars);
  if (call.prompt.system !== undefined) call.prompt.system = text(call.prompt.system, caps.maxTextChars);
  if (call.prompt.messages.length > caps.maxMessages) {
    call.prompt.messages = call.prompt.messages.slice(0, caps.maxMessages);
    cut = true;
  }
  for (const m of call.prompt.messages) m.content = text(m.content, caps.maxTextChars);
  call.completion.text = text(call.completion.text, caps.maxTextChars);
  for (const t of call.completion.toolCalls ?? []) t.arguments = text(t.arguments, caps.maxTextChars);
  if (call.url !== undefined) call.url = wellFormed(call.url);
  if (call.error) call.error.message = text(call.error.message, caps.maxTextChars);
  for (const http of [call.request, call.response]) {
    if (http?.body !== undefined) http.body = text(http.body, caps.maxBodyChars);
  }
  const tags = Object.entries(call.tags);
  if (tags.length > caps.maxTags) cut = true;
  call.tags = Object.fromEntries(tags.slice(0, caps.maxTags).map(([k, v]) => [k, text(v, caps.maxTagValueChars)]));
  if (cut) call.truncated = true;
  return cut;
}
