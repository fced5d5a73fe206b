// A scored call's quality as OpenTelemetry GenAI `gen_ai.evaluation.result`
// events on its span: one per component (0–100), plus the user's 👍/👎 as
// `user_feedback` (1 or −1) when it arrived before export.
import type { HrTime } from "@opentelemetry/api";
import type { TimedEvent } from "@opentelemetry/sdk-trace-base";
import type { LLMCall } from "@llmscope/core";

export const EVALUATION_EVENT = "gen_ai.evaluation.result";
const COMPONENTS = ["relevance", "accuracy", "coherence", "safety", "average"] as const;

export function evaluationEvents(call: LLMCall, time: HrTime): TimedEvent[] {
  const events: TimedEvent[] = [];
  const event = (name: string, value: number, extra: Record<string, string> = {}) =>
    events.push({
      name: EVALUATION_EVENT,
      time,
      attributes: { "gen_ai.evaluation.name": name, "gen_ai.evaluation.score.value": value, ...extra },
      droppedAttributesCount: 0,
    });
  for (const c of COMPONENTS) {
    const v = call.quality?.[c];
    if (typeof v === "number") event(c, v);
  }
  if (call.feedback) event("user_feedback", call.feedback.score, { "gen_ai.evaluation.score.label": call.feedback.score > 0 ? "thumbs_up" : "thumbs_down" });
  return events;
}
