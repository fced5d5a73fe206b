// Level 1 of quality: how much answers to the same prompt wander. Calls with
// identical normalized prompt text (the store's prompt hash) form the tight
// groups; everything under one promptId or fingerprint is the loose one.
import { outputDispersion, type LLMCall, type OutputDispersion } from "@llmscope/core";
import type { CallFilter, CallStore } from "../store/call-store.ts";
import { promptHash } from "../store/prompt-hash.ts";

export interface CallDispersion extends Omit<OutputDispersion, "outliers"> {
  outliers: { callId: string; meanDistance: number }[];
}

export interface PromptVariance {
  /** answered calls read (newest first, errors and empty answers left out) */
  calls: number;
  /** over the newest 20 answers, whatever their exact prompt text */
  dispersion: CallDispersion;
  /** groups of identical normalized prompt text with two answers or more, largest first (at most 20) */
  byPrompt: { promptHash: string; prompt: string; calls: number; dispersion: CallDispersion }[];
}

function dispersionOf(calls: LLMCall[]): CallDispersion {
  const d = outputDispersion(calls.map((c) => c.completion.text));
  return { ...d, outliers: d.outliers.map((o) => ({ callId: calls[o.index]!.id, meanDistance: o.meanDistance })) };
}

export async function promptVariance(store: CallStore, filter: Pick<CallFilter, "promptId" | "fingerprint" | "from" | "to">, limit = 200): Promise<PromptVariance> {
  const page = await store.listCalls({ ...filter, limit });
  const answered = page.calls.filter((c) => !c.error && typeof c.completion?.text === "string" && c.completion.text.trim());
  const groups = new Map<string, LLMCall[]>();
  for (const c of answered) {
    const h = promptHash(c.prompt.text);
    const list = groups.get(h);
    if (list) list.push(c);
    else groups.set(h, [c]);
  }
  const byPrompt = [...groups]
    .filter(([, list]) => list.length >= 2)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 20)
    .map(([hash, list]) => ({ promptHash: hash, prompt: list[0]!.prompt.text.slice(0, 200), calls: list.length, dispersion: dispersionOf(list) }));
  return { calls: answered.length, dispersion: dispersionOf(answered), byPrompt };
}
