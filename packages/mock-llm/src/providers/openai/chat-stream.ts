import type { MockContext } from "../../context.ts";
import type { Generation } from "../../generation.ts";
import { streamResponse, withStreamError } from "../../respond.ts";
import { fragments, sseEvent } from "../../stream/encode.ts";
import { serverErrorEvent } from "./protocol.ts";
import { modelOf, responseModelOf } from "./request.ts";
import { chatFinishReason, chatUsage } from "./usage.ts";

export const SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8";

export function chatStream(ctx: MockContext, g: Generation): Response {
  const includeUsage = (ctx.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const envelope = {
    id: `chatcmpl-${ctx.requestId}`,
    object: "chat.completion.chunk",
    created: ctx.createdAt,
    model: responseModelOf(modelOf(ctx)),
    service_tier: "default",
    system_fingerprint: "fp_mock",
  };
  // With include_usage every chunk carries `usage: null` until the final usage-only chunk.
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    sseEvent({ ...envelope, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}) });

  const parts: string[] = [];
  if (g.toolCall) {
    const call = g.toolCall;
    parts.push(
      chunk({
        role: "assistant",
        content: null,
        tool_calls: [{ index: 0, id: `call_${call.id}`, type: "function", function: { name: call.name, arguments: "" } }],
        refusal: null,
      }),
    );
    for (const piece of fragments(call.argumentsJson)) parts.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
  } else {
    parts.push(chunk({ role: "assistant", content: "", refusal: null }));
    const field = g.finish === "refusal" ? "refusal" : "content";
    for (const piece of g.pieces) parts.push(chunk({ [field]: piece }));
  }
  parts.push(chunk({}, chatFinishReason(g)));
  if (includeUsage) parts.push(sseEvent({ ...envelope, choices: [], usage: chatUsage(g) }));
  parts.push(sseEvent("[DONE]"));
  return streamResponse(ctx, withStreamError(ctx, parts, sseEvent(serverErrorEvent())), SSE_CONTENT_TYPE);
}
