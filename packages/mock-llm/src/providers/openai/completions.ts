import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import { type Generation, generate } from "../../generation.ts";
import { jsonResponse, streamResponse, withStreamError } from "../../respond.ts";
import { sseEvent } from "../../stream/encode.ts";
import { SSE_CONTENT_TYPE } from "./chat-stream.ts";
import { serverErrorEvent } from "./protocol.ts";
import { modelOf, numberParam } from "./request.ts";

/** The legacy completions API defaults to 16 output tokens, which the mock honours. */
const LEGACY_DEFAULT_MAX_TOKENS = 16;

export function completionsHandler(ctx: MockContext): Response | Promise<Response> {
  const model = modelOf(ctx, "gpt-3.5-turbo-instruct");
  const prompt = { messages: [{ role: "user", content: textOf(ctx.body.prompt) }], endsWithToolResult: false };
  const maxTokens = numberParam(ctx.body, "max_tokens") ?? LEGACY_DEFAULT_MAX_TOKENS;
  const g = generate({ prompt, model, maxTokens, tools: [] }, { ...ctx, scenario: ctx.scenario === "tool_call" ? "normal" : ctx.scenario });
  const envelope = { id: `cmpl-${ctx.requestId}`, object: "text_completion", created: ctx.createdAt, model };
  const choice = (text: string, finish: string | null) => ({ text, index: 0, logprobs: null, finish_reason: finish });
  const finish = finishReason(g);
  const usage = { prompt_tokens: g.inputTokens, completion_tokens: g.outputTokens, total_tokens: g.inputTokens + g.outputTokens };

  if (ctx.body.stream !== true) return jsonResponse(ctx, { ...envelope, choices: [choice(g.text, finish)], usage });
  const includeUsage = (ctx.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const parts = g.pieces.map((piece) => sseEvent({ ...envelope, choices: [choice(piece, null)] }));
  parts.push(sseEvent({ ...envelope, choices: [choice("", finish)] }));
  if (includeUsage) parts.push(sseEvent({ ...envelope, choices: [], usage }));
  parts.push(sseEvent("[DONE]"));
  return streamResponse(ctx, withStreamError(ctx, parts, sseEvent(serverErrorEvent())), SSE_CONTENT_TYPE);
}

function finishReason(g: Generation): string {
  if (g.finish === "length") return "length";
  if (g.finish === "content_filter" || g.finish === "blocked") return "content_filter";
  return "stop";
}
