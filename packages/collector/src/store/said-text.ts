// What the q filter searches, the same on every store: what a call said (its
// prompt and completion text), its tag values and its feedback comment, one
// per line. Matching is by substring, case-insensitive, taken literally.
import type { LLMCall } from "@llmscope/core";

/** the searched text of a call, in the order SQLite's index builds it (migrations.ts, version 5) */
export function saidText(call: LLMCall): string {
  const parts = [call.prompt?.text, call.completion?.text, ...Object.values(call.tags ?? {}), call.feedback?.comment];
  return parts.filter((p): p is string => typeof p === "string").join("\n");
}

/** case folded for matching: the stored text and the query alike, so one rule holds whatever the database's locale */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** a LIKE pattern finding q anywhere, its wildcards and escape character taken literally (ESCAPE '\') */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}
