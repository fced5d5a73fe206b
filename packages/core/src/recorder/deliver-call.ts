// The end of a call's life in the recorder: estimate tokens the provider did
// not report (at idle time, never delaying the app), price it, let `redact`
// have the last word, then hand it to the sinks and subscribers.
import { computeCost } from "../pricing/index.ts";
import { estimateUsage } from "../tokens/index.ts";
import type { LLMCall } from "../types.ts";
import { announceCall } from "./begin-call.ts";
import { whenIdle } from "./idle.ts";
import { noteResponseHeaders } from "./observe-response.ts";
import { now, type LiveCall, type RecorderCore } from "./recorder-core.ts";

export interface Delivery {
  finish(core: RecorderCore, live: LiveCall): void;
  track(work: Promise<unknown>): void;
  /** settles once every call finished so far is delivered */
  settled(): Promise<void>;
}

function needsEstimate(core: RecorderCore, call: LLMCall): boolean {
  if (core.options.estimateTokens === false) return false;
  if (call.usage.inputTokens !== undefined && call.usage.outputTokens !== undefined) return false;
  // a refused request (429, 401, …) produced nothing and is not billed
  return !call.error || call.completion.text !== "" || (call.completion.toolCalls?.length ?? 0) > 0;
}

async function estimate(core: RecorderCore, call: LLMCall): Promise<void> {
  await whenIdle();
  try {
    const estimated = await estimateUsage(call, core.options.tokenizer);
    call.usage = {
      ...call.usage,
      inputTokens: call.usage.inputTokens ?? estimated.inputTokens,
      outputTokens: call.usage.outputTokens ?? estimated.outputTokens,
      source: "estimated",
    };
  } catch {
    core.stats.internalErrors++;
  }
}

export function createDelivery(deliver: (call: LLMCall) => void): Delivery {
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<unknown>) => {
    const settled: Promise<void> = work.then(
      () => void pending.delete(settled),
      () => void pending.delete(settled),
    );
    pending.add(settled);
  };
  return {
    finish(core, live) {
      const { call } = live;
      core.stats.inFlight--;
      live.ended = true;
      announceCall(core, live);
      noteResponseHeaders(live);
      call.endedAt = Date.now();
      call.timing.durationMs ??= now() - live.t0;
      if (live.abandoned) {
        core.stats.captured--;
        return;
      }
      if (!live.requestRead && !needsEstimate(core, call)) return deliver(call);
      track(
        (async () => {
          await live.requestRead;
          if (live.abandoned) return void core.stats.captured--;
          if (needsEstimate(core, call)) await estimate(core, call);
          deliver(call);
        })().catch(() => void core.stats.internalErrors++),
      );
    },
    track,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/** cost, then redact; undefined when redact dropped the call */
export function finalize(core: RecorderCore, call: LLMCall): LLMCall | undefined {
  call.phase = "done";
  if (call.usage.inputTokens !== undefined || call.usage.outputTokens !== undefined) {
    try {
      // a dated snapshot name prices best; an unknown one falls back to the requested model
      const cost = computeCost(call.responseModel ?? call.model, call.usage, core.options.prices) ?? computeCost(call.model, call.usage, core.options.prices);
      if (cost) call.cost = cost;
    } catch {
      core.stats.internalErrors++;
    }
  }
  const redact = core.options.redact;
  if (!redact) return call;
  try {
    const kept = redact(call);
    if (kept) return kept;
    core.drop(1, "redacted");
  } catch {
    // a failing redact might have been the one thing keeping a secret out: drop
    core.drop(1, "redact_failed");
  }
  return undefined;
}
