// One pass over a period's calls collects what each optimisation finding needs;
// the findings then price what a fix would save, scaled to a 30-day month.
import type { LLMCall } from "@llmscope/core";
import { fnv1a64 } from "../../store/prompt-hash.ts";

export interface Finding {
  kind: "top_spender" | "context_bloat" | "verbose_output" | "repeated_prompt" | "cheaper_model";
  /** what the finding is about, naming its model where it concerns one */
  subject: string;
  detail: string;
  /** the model the finding concerns (the one asked for), when it concerns one */
  model?: string;
  /** what the subject spends a month (top spenders) */
  monthlyCostUSD?: number;
  /** estimated USD a month a fix would save (0 for information-only findings) */
  monthlySavingsUSD: number;
}

interface SessionTrack {
  first: number;
  calls: number;
  excessInputUSD: number;
  lastInput: number;
  models: Set<string>;
}

/** the model a call asked for, as the findings name it */
export function modelOf(call: LLMCall): string {
  return call.model || "unknown model";
}

/** what the pass keeps: per session, per prompt, per prompt hash, per prompt × model */
export class CallDigest {
  readonly sessions = new Map<string, SessionTrack>();
  /** per prompt × model: answer lengths differ by model, and so does the price of a token */
  readonly outputs = new Map<string, { prompt: string; model: string; outputs: number[]; outputUSDPerToken: number }>();
  readonly repeats = new Map<string, { count: number; costUSD: number; prompt: string; model: string }>();
  readonly models = new Map<string, Map<string, { calls: number; costUSD: number; quality: number; scored: number }>>();

  add(call: LLMCall): void {
    const prompt = call.tags.promptId ?? call.fingerprint;
    const input = call.usage.inputTokens ?? 0;
    const output = call.usage.outputTokens ?? 0;
    const cost = call.cost?.totalUSD ?? 0;
    const model = modelOf(call);
    const inputUSDPerToken = input > 0 && call.cost ? call.cost.inputUSD / input : 0;
    const s = this.sessions.get(call.sessionId);
    if (!s) this.sessions.set(call.sessionId, { first: input, calls: 1, excessInputUSD: 0, lastInput: input, models: new Set([model]) });
    else {
      s.calls++;
      s.excessInputUSD += Math.max(0, input - s.first) * inputUSDPerToken;
      s.lastInput = input;
      s.models.add(model);
    }
    if (!call.error) {
      const key = `${prompt}\u0000${model}`;
      const o = this.outputs.get(key) ?? { prompt, model, outputs: [], outputUSDPerToken: 0 };
      o.outputs.push(output);
      if (output > 0 && call.cost) o.outputUSDPerToken = call.cost.outputUSD / output;
      this.outputs.set(key, o);
      // exact text: a cache serves only byte-identical prompts, not near-identical ones
      const hash = `${model}\u0000${fnv1a64(call.prompt.text)}`;
      const r = this.repeats.get(hash) ?? { count: 0, costUSD: 0, prompt: call.prompt.text.slice(0, 80), model };
      r.count++;
      r.costUSD += cost;
      this.repeats.set(hash, r);
    }
    const byModel = this.models.get(prompt) ?? new Map();
    const m = byModel.get(model) ?? { calls: 0, costUSD: 0, quality: 0, scored: 0 };
    m.calls++;
    m.costUSD += cost;
    if (call.quality?.average !== undefined) (m.quality += call.quality.average), m.scored++;
    byModel.set(model, m);
    this.models.set(prompt, byModel);
  }
}
