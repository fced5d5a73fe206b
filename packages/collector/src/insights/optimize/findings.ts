// One pass over a period's calls collects what each optimisation finding needs;
// the findings then price what a fix would save, scaled to a 30-day month.
import type { LLMCall } from "@llmscope/core";
import { fnv1a64 } from "../../store/prompt-hash.ts";

export interface Finding {
  kind: "top_spender" | "context_bloat" | "verbose_output" | "repeated_prompt" | "cheaper_model";
  subject: string;
  detail: string;
  /** estimated USD a month a fix would save (0 for information-only findings) */
  monthlySavingsUSD: number;
}

interface SessionTrack {
  first: number;
  calls: number;
  excessInputUSD: number;
  lastInput: number;
}

/** what the pass keeps: per session, per prompt, per prompt hash, per prompt × model */
export class CallDigest {
  readonly sessions = new Map<string, SessionTrack>();
  readonly outputs = new Map<string, { outputs: number[]; outputUSDPerToken: number }>();
  readonly repeats = new Map<string, { count: number; costUSD: number; prompt: string }>();
  readonly models = new Map<string, Map<string, { calls: number; costUSD: number; quality: number; scored: number }>>();

  add(call: LLMCall): void {
    const prompt = call.tags.promptId ?? call.fingerprint;
    const input = call.usage.inputTokens ?? 0;
    const output = call.usage.outputTokens ?? 0;
    const cost = call.cost?.totalUSD ?? 0;
    const inputUSDPerToken = input > 0 && call.cost ? call.cost.inputUSD / input : 0;
    const s = this.sessions.get(call.sessionId);
    if (!s) this.sessions.set(call.sessionId, { first: input, calls: 1, excessInputUSD: 0, lastInput: input });
    else {
      s.calls++;
      s.excessInputUSD += Math.max(0, input - s.first) * inputUSDPerToken;
      s.lastInput = input;
    }
    if (!call.error) {
      const o = this.outputs.get(prompt) ?? { outputs: [], outputUSDPerToken: 0 };
      o.outputs.push(output);
      if (output > 0 && call.cost) o.outputUSDPerToken = call.cost.outputUSD / output;
      this.outputs.set(prompt, o);
      // exact text: a cache serves only byte-identical prompts, not near-identical ones
      const hash = `${call.model ?? ""}\u0000${fnv1a64(call.prompt.text)}`;
      const r = this.repeats.get(hash) ?? { count: 0, costUSD: 0, prompt: call.prompt.text.slice(0, 80) };
      r.count++;
      r.costUSD += cost;
      this.repeats.set(hash, r);
    }
    const byModel = this.models.get(prompt) ?? new Map();
    const m = byModel.get(call.model ?? "") ?? { calls: 0, costUSD: 0, quality: 0, scored: 0 };
    m.calls++;
    m.costUSD += cost;
    if (call.quality?.average !== undefined) (m.quality += call.quality.average), m.scored++;
    byModel.set(call.model ?? "", m);
    this.models.set(prompt, byModel);
  }
}
