import type { LLMCall } from "../types.ts";

/**
 * Output speed: output tokens over the streaming time after the first token,
 * or over the whole duration when there was no first-token time. Undefined
 * without output tokens or a positive time.
 */
export function tokensPerSecond(call: LLMCall): number | undefined {
  const output = call?.usage?.outputTokens;
  if (typeof output !== "number" || !(output > 0)) return undefined;
  const duration = call.timing?.durationMs;
  if (typeof duration !== "number" || !Number.isFinite(duration)) return undefined;
  const ttft = call.timing?.ttftMs;
  const ms = typeof ttft === "number" && ttft >= 0 && duration > ttft ? duration - ttft : duration;
  return ms > 0 ? output / (ms / 1000) : undefined;
}
