import type { MockContext } from "../../context.ts";
import type { Generation } from "../../generation.ts";
import { modelOf, responseModelOf } from "./request.ts";
import { incompleteReason, responsesUsage } from "./responses-request.ts";

export function messageItemId(ctx: MockContext): string {
  return `msg_${ctx.requestId}`;
}

export function contentPart(g: Generation, text: string) {
  return g.finish === "refusal" ? { type: "refusal", refusal: text } : { type: "output_text", annotations: [], logprobs: [], text };
}

/** The one output item: a message, or a function call. */
export function outputItem(ctx: MockContext, g: Generation, done: boolean) {
  const status = done ? "completed" : "in_progress";
  if (g.toolCall) {
    return {
      type: "function_call",
      id: `fc_${ctx.requestId}`,
      call_id: `call_${g.toolCall.id}`,
      name: g.toolCall.name,
      arguments: done ? g.toolCall.argumentsJson : "",
      status,
    };
  }
  return { type: "message", id: messageItemId(ctx), status, role: "assistant", content: done ? [contentPart(g, g.text)] : [] };
}

/** The response object, as JSON answers it and as lifecycle events carry it. */
export function responseObject(ctx: MockContext, g: Generation, done: boolean) {
  const reason = incompleteReason(g);
  const body = ctx.body;
  return {
    id: `resp_${ctx.requestId}`,
    object: "response",
    created_at: ctx.createdAt,
    status: done ? (reason ? "incomplete" : "completed") : "in_progress",
    error: null,
    incomplete_details: done && reason ? { reason } : null,
    instructions: typeof body.instructions === "string" ? body.instructions : null,
    max_output_tokens: typeof body.max_output_tokens === "number" ? body.max_output_tokens : null,
    model: responseModelOf(modelOf(ctx)),
    output: done ? [outputItem(ctx, g, true)] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: true,
    temperature: typeof body.temperature === "number" ? body.temperature : 1,
    text: { format: { type: "text" } },
    tool_choice: "auto",
    tools: Array.isArray(body.tools) ? body.tools : [],
    top_p: 1,
    truncation: "disabled",
    usage: done ? responsesUsage(g) : null,
    user: null,
    metadata: {},
  };
}
