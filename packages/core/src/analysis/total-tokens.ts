import type { LLMCall } from "../types.ts";

/** Input plus output tokens of a call (or the provider's total); undefined when the call has no token counts. */
export function totalTokens(call: LLMCall): number | undefined {
  const usage = call?.usage;
  if (!usage) return undefined;
  if (typeof usage.totalTokens === "number" && Number.isFinite(usage.totalTokens)) return usage.totalTokens;
  const input = usage.inputTokens;
  const output = usage.outputTokens;
  if (typeof input !== "number" && typeof output !== "number") return undefined;
  const sum = (input ?? 0) + (output ?? 0);
  return Number.isFinite(sum) ? sum : undefined;
}
