// A finished call's way out of the recorder, part of the lazily loaded
// call-end chunk: its error classified, tokens the provider did not report
// estimated at idle time (never delaying the app), priced, scrubbed of
// secrets; then the recorder lets `redact` have the last word and hands it on.
import { classifyError, type ErrorSignals } from "../errors/classify.ts";
import { computeCost } from "../pricing/compute-cost.ts";
import { scrubCallSecrets } from "../secrets/scrub-call.ts";
import { estimateUsage } from "../tokens/index.ts";
import type { LLMCall } from "../types.ts";
import type { RecorderCore } from "./recorder-core.ts";
import { whenIdle } from "./schedule.ts";

/** what the recorder lends the way out */
export interface CallOutlet {
  readonly core: RecorderCore;
  /** the last step, in the recorder: redact, then sinks and subscribers */
  deliver(call: LLMCall): void;
}

export function finishCall(outlet: CallOutlet, call: LLMCall, signals: ErrorSignals): void {
  const { options, fault, track } = outlet.core;
  const { usage, completion } = call;
  call.error = classifyError(signals);
  // a refused request (429, 401, …) produced nothing and is not billed
  const nothingMade = call.error && !completion.text && !completion.toolCalls?.length;
  // embeddings produce no output tokens: a reported input count is the whole usage
  const reported = usage.inputTokens !== undefined && (usage.outputTokens !== undefined || call.operation === "embeddings");
  if (options.estimateTokens === false || reported || nothingMade) return priced(outlet, call);
  const estimated = whenIdle()
    .then(() => estimateUsage(call, options.tokenizer))
    .then(({ inputTokens, outputTokens }) => {
      call.usage = { ...usage, inputTokens: usage.inputTokens ?? inputTokens, outputTokens: usage.outputTokens ?? outputTokens, source: "estimated" };
    }, fault);
  track(estimated.then(() => priced(outlet, call)));
}

function priced({ core, deliver }: CallOutlet, call: LLMCall): void {
  const { options, fault } = core;
  call.phase = "done";
  const { usage } = call;
  if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) {
    try {
      // a dated snapshot name prices best; an unknown one falls back to the requested model
      const dated = call.responseModel !== call.model ? call.responseModel : undefined;
      const cost = (dated && computeCost(dated, usage, options.prices)) ?? computeCost(call.model, usage, options.prices);
      if (cost) call.cost = cost;
    } catch {
      fault();
    }
  }
  try {
    // URLs and error messages quoting them, bodies and parameters: the built-in rules run before the app's redact
    scrubCallSecrets(call);
  } catch {
    fault();
  }
  deliver(call);
}
