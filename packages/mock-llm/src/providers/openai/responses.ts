import type { MockContext } from "../../context.ts";
import type { Generation } from "../../generation.ts";
import { jsonResponse, streamResponse, withStreamError } from "../../respond.ts";
import { fragments, sseEvent } from "../../stream/encode.ts";
import { SSE_CONTENT_TYPE } from "./chat-stream.ts";
import { SERVER_ERROR_MESSAGE } from "./protocol.ts";
import { contentPart, outputItem, responseObject } from "./responses-output.ts";
import { incompleteReason, runResponses } from "./responses-request.ts";

export function responsesHandler(ctx: MockContext): Response | Promise<Response> {
  const g = runResponses(ctx);
  if (ctx.body.stream === true) return responsesStream(ctx, g);
  return jsonResponse(ctx, responseObject(ctx, g, true));
}

/** Named SSE events, each with its sequence_number, through response.completed (or .incomplete). */
function responsesStream(ctx: MockContext, g: Generation): Response {
  let sequence = 0;
  const parts: string[] = [];
  const emit = (type: string, fields: Record<string, unknown>) => parts.push(sseEvent({ type, sequence_number: sequence++, ...fields }, type));
  const base = { output_index: 0 };

  emit("response.created", { response: responseObject(ctx, g, false) });
  emit("response.in_progress", { response: responseObject(ctx, g, false) });
  const item = outputItem(ctx, g, false);
  emit("response.output_item.added", { ...base, item });
  if (g.toolCall) {
    for (const delta of fragments(g.toolCall.argumentsJson)) emit("response.function_call_arguments.delta", { ...base, item_id: item.id, delta });
    emit("response.function_call_arguments.done", { ...base, item_id: item.id, name: g.toolCall.name, arguments: g.toolCall.argumentsJson });
  } else {
    const at = { ...base, item_id: item.id, content_index: 0 };
    const refusal = g.finish === "refusal";
    emit("response.content_part.added", { ...at, part: contentPart(g, "") });
    for (const delta of g.pieces) emit(refusal ? "response.refusal.delta" : "response.output_text.delta", { ...at, delta, ...(refusal ? {} : { logprobs: [] }) });
    if (refusal) emit("response.refusal.done", { ...at, refusal: g.text });
    else emit("response.output_text.done", { ...at, text: g.text, logprobs: [] });
    emit("response.content_part.done", { ...at, part: contentPart(g, g.text) });
  }
  emit("response.output_item.done", { ...base, item: outputItem(ctx, g, true) });
  emit(incompleteReason(g) ? "response.incomplete" : "response.completed", { response: responseObject(ctx, g, true) });

  const error = sseEvent({ type: "error", code: "server_error", message: SERVER_ERROR_MESSAGE, param: null, sequence_number: sequence }, "error");
  return streamResponse(ctx, withStreamError(ctx, parts, error), SSE_CONTENT_TYPE);
}
