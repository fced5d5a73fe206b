import type { LLMCall } from "../types.ts";

export type TokenDiagnosis = {
  kind: "context_bloat" | "verbose_output" | "balanced" | "insufficient_data";
  /** input tokens / all tokens, 0..1 */
  inputShare: number;
  /** growth of input per call over the window (least-squares slope × span) relative to the mean input; 0.5 = grew by half */
  inputTrend: number;
  message: string;
};

const MIN_CALLS = 3;
const INPUT_DOMINATES = 0.75;
const INPUT_GROWS = 0.2;
const OUTPUT_DOMINATES = 0.5;

function slopeTimesSpan(values: number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  values.forEach((y, x) => {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
  });
  return varianceX === 0 ? 0 : (covariance / varianceX) * (n - 1);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Whether the input (context bloat) or the output (verbose answers) drives token use, over calls in time order. */
export function diagnoseTokens(calls: LLMCall[]): TokenDiagnosis {
  const counted = (calls ?? [])
    .filter((c) => Number.isFinite(c?.usage?.inputTokens) && Number.isFinite(c?.usage?.outputTokens))
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  const inputs = counted.map((c) => c.usage.inputTokens!);
  const input = inputs.reduce((s, v) => s + v, 0);
  const output = counted.reduce((s, c) => s + c.usage.outputTokens!, 0);
  const inputShare = input + output > 0 ? input / (input + output) : 0;
  if (counted.length < MIN_CALLS || input + output === 0) {
    const message = `Only ${counted.length} call(s) with token counts; at least ${MIN_CALLS} are needed to tell input from output growth.`;
    return { kind: "insufficient_data", inputShare, inputTrend: 0, message };
  }
  const meanInput = input / counted.length;
  const inputTrend = meanInput > 0 ? slopeTimesSpan(inputs) / meanInput : 0;
  if (inputShare >= INPUT_DOMINATES && inputTrend >= INPUT_GROWS) {
    const message = `Context bloat: input is ${percent(inputShare)} of tokens and grew by ${percent(inputTrend)} of its average over ${counted.length} calls — trim history, retrieved context or the system prompt.`;
    return { kind: "context_bloat", inputShare, inputTrend, message };
  }
  if (1 - inputShare >= OUTPUT_DOMINATES) {
    const message = `Verbose output: answers are ${percent(1 - inputShare)} of tokens over ${counted.length} calls — cap max tokens or ask for shorter answers.`;
    return { kind: "verbose_output", inputShare, inputTrend, message };
  }
  const message = `Balanced: input is ${percent(inputShare)} of tokens and changed by ${percent(inputTrend)} of its average over ${counted.length} calls.`;
  return { kind: "balanced", inputShare, inputTrend, message };
}
