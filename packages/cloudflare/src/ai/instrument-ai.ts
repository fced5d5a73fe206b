// instrumentAI(env.AI): records Workers AI binding calls (model, prompt,
// completion, tokens where the model reports them, latency, errors, streams)
// through the same recorder, tags and delivery as fetch calls.
import { registerProvider, type Recorder } from "@llmscope/core";
import { activeIsolate } from "../isolate.ts";
import { inputsBody, isSSEStream, responseOf, type RunOutcome } from "./run-outcome.ts";
import { workersAI } from "./workers-ai-adapter.ts";

// registered on first use, so Workers that never touch env.AI do not carry the adapter
let registered = false;

export interface InstrumentAIOptions {
  /** record through this recorder; by default the one withLLMScope set up */
  recorder?: Recorder;
  /** the binding's name, shown in the recorded URL; default "AI" */
  name?: string;
}

interface AIBinding {
  run(model: string, inputs: unknown, options?: unknown): Promise<unknown>;
}

/** the host recorded for binding calls: not a real address, a label the records can be filtered by */
export const BINDING_HOST = "workers-ai.binding";

export function instrumentAI<T extends AIBinding>(binding: T, options: InstrumentAIOptions = {}): T {
  if (!registered) {
    registerProvider(workersAI);
    registered = true;
  }
  const name = options.name ?? "AI";
  const run = (model: string, inputs: unknown, runOptions?: unknown) => recordedRun(binding, name, options.recorder, model, inputs, runOptions);
  return new Proxy(binding, {
    get(target, key) {
      if (key === "run") return run;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function recordedRun(binding: AIBinding, name: string, given: Recorder | undefined, model: string, inputs: unknown, runOptions: unknown): Promise<unknown> {
  const recorder = given ?? activeIsolate()?.recorder;
  let body: string | undefined;
  try {
    body = recorder && typeof model === "string" ? inputsBody(inputs) : undefined;
  } catch {
    // inputs JSON cannot express (cycles, BigInt): run unrecorded
  }
  if (!recorder || body === undefined) return binding.run(model, inputs, runOptions);

  let outcome: RunOutcome | undefined;
  const replay = async (): Promise<Response> => {
    try {
      outcome = { result: await binding.run(model, inputs, runOptions) };
    } catch (error) {
      // an abort is the caller's own doing: let the recorder see it as thrown
      if ((error as { name?: unknown })?.name === "AbortError") throw error;
      outcome = { error };
    }
    return responseOf(outcome, inputs);
  };
  const url = `https://${BINDING_HOST}/${encodeURIComponent(name)}/ai/run/${model}`;
  const response = await recorder.wrap(replay as typeof fetch)(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (!outcome) throw new Error("llmscope: the Workers AI call did not run");
  if ("error" in outcome) throw outcome.error;
  // a stream is handed over through the recorder's pass-through, byte for byte
  return isSSEStream(outcome.result, inputs) && response.body ? response.body : outcome.result;
}
