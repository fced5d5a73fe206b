// What a prompt change costs before it ships: both templates rendered over the
// same sample inputs, input tokens counted exactly with the model's tokenizer
// (chat framing included), output tokens predicted from the prompt's history
// (output per input token) or a stated assumption, priced with core's table.
import { computeCost } from "@llmscope/core";
import { estimateUsage } from "@llmscope/core/tokens";
import type { CallStore } from "../store/call-store.ts";
import { promptHistory } from "./output-history.ts";
import { renderTemplate, TemplateError } from "./template.ts";

export interface EstimateOptions {
  oldTemplate: string;
  newTemplate: string;
  samples: Record<string, unknown>[];
  model?: string;
  /** history to predict outputs and volume from */
  store?: CallStore;
  promptId?: string;
  /** calls a month; default from history, else 10,000 */
  monthlyCalls?: number;
  /** output tokens per input token when there is no history (default 1) */
  outputPerInput?: number;
  /** at most this many samples are rendered (default 100) */
  limit?: number;
  /** characters one rendered sample may have, and all of them (both templates) together; unbounded by default */
  maxRenderedChars?: number;
  maxTotalRenderedChars?: number;
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Side {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUSD: number;
  monthlyTokens: number;
  monthlyCostUSD: number;
}

export interface PromptChangeEstimate {
  model: string;
  samples: number;
  perRequest: { old: Side; new: Side };
  tokensRatio: number;
  costRatio: number;
  /** relative change, e.g. 2.3 for +230% */
  tokensDelta: number;
  costDelta: number;
  /** ± relative uncertainty of the per-request token delta (two standard errors) */
  uncertainty: number;
  monthlyCalls: number;
  assumptions: string[];
}

export const DEFAULT_ESTIMATE_MODEL = "gpt-4o-mini";
const DEFAULT_MONTHLY_CALLS = 10_000;

/** both templates rendered over every sample, within the character bounds, before any counting starts */
function renderAll(o: EstimateOptions, samples: Record<string, unknown>[]): [string, string][] {
  const total = o.maxTotalRenderedChars ?? Infinity;
  let chars = 0;
  return samples.map((sample, i) => {
    const pair: [string, string] = [renderTemplate(o.oldTemplate, sample, i, o.maxRenderedChars), renderTemplate(o.newTemplate, sample, i, o.maxRenderedChars)];
    chars += pair[0].length + pair[1].length;
    if (chars > total) throw new TemplateError(`the samples render to more than ${total} characters in all; send fewer or shorter samples`);
    return pair;
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

export async function estimatePromptChange(o: EstimateOptions): Promise<PromptChangeEstimate> {
  const model = o.model ?? DEFAULT_ESTIMATE_MODEL;
  const samples = o.samples.slice(0, o.limit ?? 100);
  if (samples.length === 0) throw new Error("no samples to render the templates with");
  const assumptions: string[] = [];
  const history = o.store && o.promptId ? await promptHistory(o.store, o.promptId, o.now ?? Date.now()) : undefined;
  const ratio = history?.outputPerInput ?? o.outputPerInput ?? 1;
  if (history) assumptions.push(`output tokens predicted as ${ratio.toFixed(2)}× input, from ${history.days} days of promptId=${history.promptId}`);
  else assumptions.push(`no history${o.promptId ? ` for promptId=${o.promptId}` : ""}: output assumed ${ratio}× input tokens`);
  const monthlyCalls = o.monthlyCalls ?? history?.callsPerMonth ?? DEFAULT_MONTHLY_CALLS;
  if (o.monthlyCalls === undefined) assumptions.push(history ? `volume ${Math.round(monthlyCalls)} calls a month, from history` : `volume assumed ${DEFAULT_MONTHLY_CALLS} calls a month`);
  const count = async (text: string) =>
    (await estimateUsage({ model, operation: "chat", prompt: { messages: [{ role: "user", content: text }], text }, completion: { text: "" } })).inputTokens;
  const rendered = renderAll(o, samples);
  const oldInputs: number[] = [];
  const newInputs: number[] = [];
  for (const [i, [before, after]] of rendered.entries()) {
    oldInputs.push(await count(before));
    newInputs.push(await count(after));
    o.onProgress?.(i + 1, samples.length);
    // counting is synchronous work: give the rest of the process a turn between samples
    await yieldToEventLoop();
  }
  const side = (inputs: number[]): Side => {
    const inputTokens = inputs.reduce((a, b) => a + b, 0) / inputs.length;
    const outputTokens = inputTokens * ratio;
    const costUSD = computeCost(model, { inputTokens, outputTokens, source: "estimated" })?.totalUSD ?? 0;
    return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, costUSD, monthlyTokens: (inputTokens + outputTokens) * monthlyCalls, monthlyCostUSD: costUSD * monthlyCalls };
  };
  const before = side(oldInputs);
  const after = side(newInputs);
  if (!before.costUSD) assumptions.push(`no price for ${model}: cost ratios follow tokens`);
  const deltas = newInputs.map((n, i) => (n - oldInputs[i]!) * (1 + ratio));
  const meanDelta = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  const sd = Math.sqrt(deltas.reduce((s, d) => s + (d - meanDelta) ** 2, 0) / Math.max(1, deltas.length - 1));
  const sampling = meanDelta !== 0 ? (2 * sd) / Math.sqrt(deltas.length) / Math.abs(meanDelta) : 0;
  const ratioPart = history ? (2 * history.ratioUncertainty * ratio) / (1 + ratio) : 0;
  const tokensRatio = after.totalTokens / before.totalTokens;
  const costRatio = before.costUSD ? after.costUSD / before.costUSD : tokensRatio;
  return {
    model,
    samples: samples.length,
    perRequest: { old: before, new: after },
    tokensRatio,
    costRatio,
    tokensDelta: tokensRatio - 1,
    costDelta: costRatio - 1,
    uncertainty: Math.sqrt(sampling ** 2 + ratioPart ** 2),
    monthlyCalls,
    assumptions,
  };
}
