import type { MockContext } from "../../context.ts";
import { generate, type Generation } from "../../generation.ts";
import { jsonResponse } from "../../respond.ts";
import { azureContentFilterResponse } from "./protocol.ts";
import { chatPrompt, isReasoningModel, modelOf, numberParam, responseModelOf, toolSpecs } from "./request.ts";
import { chatStream } from "./chat-stream.ts";
import { chatFinishReason, chatUsage } from "./usage.ts";

export function runChat(ctx: MockContext): Generation {
  const model = modelOf(ctx);
  const input = { prompt: chatPrompt(ctx.body.messages), model, tools: toolSpecs(ctx.body.tools), reasoning: isReasoningModel(model) };
  const maxTokens = numberParam(ctx.body, "max_completion_tokens", "max_tokens");
  return generate(maxTokens === undefined ? input : { ...input, maxTokens }, ctx);
}

export function chatHandler(ctx: MockContext): Response | Promise<Response> {
  if (ctx.route.azure && (ctx.scenario === "content_filter" || ctx.scenario === "blocked")) return azureContentFilterResponse(ctx);
  const g = runChat(ctx);
  if (ctx.body.stream === true) return chatStream(ctx, g);
  const message: Record<string, unknown> = {
    role: "assistant",
    content: g.finish === "refusal" || g.toolCall ? null : g.text,
    refusal: g.finish === "refusal" ? g.text : null,
    annotations: [],
  };
  if (g.toolCall) {
    message.tool_calls = [
      { id: `call_${g.toolCall.id}`, type: "function", function: { name: g.toolCall.name, arguments: g.toolCall.argumentsJson } },
    ];
  }
  return jsonResponse(ctx, {
    id: `chatcmpl-${ctx.requestId}`,
    object: "chat.completion",
    created: ctx.createdAt,
    model: responseModelOf(modelOf(ctx)),
    choices: [{ index: 0, message, logprobs: null, finish_reason: chatFinishReason(g) }],
    usage: chatUsage(g),
    service_tier: "default",
    system_fingerprint: "fp_mock",
  });
}
