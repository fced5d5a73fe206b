// A prompt's `text` is its system prompt and its messages' contents, the
// empty ones left out, joined by newlines: what every built-in adapter records
// (providers/prompt-text.ts). A collector that says it rebuilds it (the
// REBUILDS_HEADER of its answers lists prompt.text) is sent calls without it
// when it is exactly that: the largest text of most records, sent twice.
import type { LLMCall, Prompt } from "../types.ts";
import type { BeaconItem } from "./beacon-outbox.ts";
import { utf8Size } from "../stream/text-capture.ts";

/** the answer header in which a collector lists the record fields it rebuilds when they are left out */
export const REBUILDS_HEADER = "llmscope-rebuilds";

export const rebuildsPromptText = (headers: Headers): boolean => /\bprompt\.text\b/.test(headers.get(REBUILDS_HEADER) ?? "");

/** the text a collector rebuilds from a prompt's parts */
export const promptTextOf = ({ system, messages }: Prompt): string =>
  [system, ...messages.map((m) => m.content)].filter(Boolean).join("\n");

/** whether prompt.text is exactly what promptTextOf rebuilds (false for any odd shape a redact left) */
export function textIsRebuilt(prompt: Prompt): boolean {
  try {
    return prompt.text === promptTextOf(prompt);
  } catch {
    return false;
  }
}

/** a slim call's JSON with its prompt.text back, for a collector that turned out not to rebuild it */
export function withPromptText(item: BeaconItem): BeaconItem {
  if (!item.slim) return item;
  const call = JSON.parse(item.json) as LLMCall;
  call.prompt.text = promptTextOf(call.prompt);
  const json = JSON.stringify(call);
  return { ...item, json, bytes: utf8Size(json).bytes, slim: false };
}
