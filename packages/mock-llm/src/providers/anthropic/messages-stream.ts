import type { MockContext } from "../../context.ts";
import type { Generation } from "../../generation.ts";
import { streamResponse, withStreamError } from "../../respond.ts";
import { fragments, sseEvent } from "../../stream/encode.ts";
import { OVERLOADED_EVENT } from "./protocol.ts";
import { inputUsage, modelOf, stopReason, toolUseId, usesPromptCache } from "./request.ts";

/** message_start, one content block (text or tool_use) with a ping, message_delta, message_stop. */
export function messagesStream(ctx: MockContext, g: Generation): Response {
  const parts: string[] = [];
  const emit = (type: string, fields: Record<string, unknown> = {}) => parts.push(sseEvent({ type, ...fields }, type));
  const input = inputUsage(g, usesPromptCache(ctx.body));
  const message = {
    id: `msg_${ctx.requestId}`,
    type: "message",
    role: "assistant",
    model: modelOf(ctx),
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { ...input, output_tokens: 1, service_tier: "standard" },
  };
  emit("message_start", { message });
  if (g.toolCall) {
    emit("content_block_start", { index: 0, content_block: { type: "tool_use", id: toolUseId(g), name: g.toolCall.name, input: {} } });
    emit("ping");
    for (const partial_json of ["", ...fragments(g.toolCall.argumentsJson)]) {
      emit("content_block_delta", { index: 0, delta: { type: "input_json_delta", partial_json } });
    }
    emit("content_block_stop", { index: 0 });
  } else if (g.pieces.length > 0) {
    emit("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
    emit("ping");
    for (const text of g.pieces) emit("content_block_delta", { index: 0, delta: { type: "text_delta", text } });
    emit("content_block_stop", { index: 0 });
  } else {
    emit("ping");
  }
  // Usage in message_delta is cumulative: the totals so far, not an increment.
  emit("message_delta", { delta: { stop_reason: stopReason(g), stop_sequence: null }, usage: { ...input, output_tokens: g.outputTokens } });
  emit("message_stop");
  return streamResponse(ctx, withStreamError(ctx, parts, sseEvent(OVERLOADED_EVENT, "error")), "text/event-stream; charset=utf-8");
}
