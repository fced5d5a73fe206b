import type { MockContext } from "../../context.ts";
import { type Generation, generate } from "../../generation.ts";
import { jsonResponse } from "../../respond.ts";
import { messagesStream } from "./messages-stream.ts";
import { anthropicTools, inputUsage, messagesPrompt, modelOf, stopReason, toolUseId, usesPromptCache } from "./request.ts";

export function messagesHandler(ctx: MockContext): Response | Promise<Response> {
  const maxTokens = ctx.body.max_tokens;
  if (typeof maxTokens !== "number") return ctx.protocol.invalidRequest("max_tokens: Field required", ctx);
  const prompt = messagesPrompt(ctx.body.system, ctx.body.messages);
  const g = generate({ prompt, model: modelOf(ctx), maxTokens, tools: anthropicTools(ctx.body.tools) }, ctx);
  if (ctx.body.stream === true) return messagesStream(ctx, g);
  return jsonResponse(ctx, {
    id: `msg_${ctx.requestId}`,
    type: "message",
    role: "assistant",
    model: modelOf(ctx),
    content: contentBlocks(g),
    stop_reason: stopReason(g),
    stop_sequence: null,
    usage: { ...inputUsage(g, usesPromptCache(ctx.body)), output_tokens: g.outputTokens, service_tier: "standard" },
  });
}

function contentBlocks(g: Generation): unknown[] {
  if (g.toolCall) return [{ type: "tool_use", id: toolUseId(g), name: g.toolCall.name, input: g.toolCall.arguments }];
  return g.text ? [{ type: "text", text: g.text }] : [];
}
