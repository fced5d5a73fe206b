// POST /v1/feedback: a FeedbackEnvelope or one { callId, score, comment? }.
// Feedback for a call not stored yet is kept and applied when the call arrives.
import type { HandlerContext } from "./context.ts";
import { json } from "./responses.ts";
import { validateFeedback } from "./validate-envelope.ts";

export async function postFeedback(ctx: HandlerContext, body: unknown): Promise<Response> {
  const items = validateFeedback(body, ctx.now());
  const result = await ctx.store.addFeedback(items);
  ctx.counters.feedbackApplied += result.applied;
  ctx.counters.feedbackPending += result.pending.length;
  return json({ accepted: items.length, applied: result.applied, pending: result.pending });
}
