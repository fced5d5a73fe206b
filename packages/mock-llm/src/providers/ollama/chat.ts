import type { MockContext } from "../../context.ts";
import { textOf } from "../../content/text-of.ts";
import { type Generation, type PromptInput, generate } from "../../generation.ts";
import { jsonResponse, streamResponse, withStreamError } from "../../respond.ts";
import { ndjsonLine } from "../../stream/encode.ts";
// Ollama takes tools in OpenAI's `{type, function}` shape.
import { toolSpecs } from "../openai/request.ts";
import { OLLAMA_STREAM_ERROR } from "./protocol.ts";

type Kind = "chat" | "generate";

function modelOf(ctx: MockContext): string {
  return typeof ctx.body.model === "string" && ctx.body.model ? ctx.body.model : "llama3.2";
}

function promptOf(ctx: MockContext, kind: Kind): PromptInput {
  const system = typeof ctx.body.system === "string" && ctx.body.system ? { system: ctx.body.system } : {};
  if (kind === "generate") return { ...system, messages: [{ role: "user", content: textOf(ctx.body.prompt) }], endsWithToolResult: false };
  const list = Array.isArray(ctx.body.messages) ? (ctx.body.messages as Record<string, unknown>[]) : [];
  const sys = list.filter((m) => m.role === "system").map((m) => textOf(m.content));
  const messages = list.filter((m) => m.role !== "system").map((m) => ({ role: String(m.role ?? "user"), content: textOf(m.content) }));
  return { ...(sys.length > 0 ? { system: sys.join("\n") } : {}), messages, endsWithToolResult: messages.at(-1)?.role === "tool" };
}

/** Ollama reports timings in nanoseconds; these scale with the token counts. */
function stats(g: Generation) {
  const evalCount = Math.max(1, g.outputTokens);
  const promptEval = g.inputTokens * 250_000;
  const evalDuration = evalCount * 18_000_000;
  const load = 1_200_000;
  return {
    total_duration: load + promptEval + evalDuration,
    load_duration: load,
    prompt_eval_count: g.inputTokens,
    prompt_eval_duration: promptEval,
    eval_count: evalCount,
    eval_duration: evalDuration,
  };
}

/** `/api/chat` and `/api/generate`: NDJSON unless `stream: false` (Ollama streams by default). */
export function ollamaHandler(kind: Kind) {
  return (ctx: MockContext): Response | Promise<Response> => {
    const options = (ctx.body.options ?? {}) as { num_predict?: unknown };
    const input = { prompt: promptOf(ctx, kind), model: modelOf(ctx), tools: kind === "chat" ? toolSpecs(ctx.body.tools) : [] };
    const g = generate(typeof options.num_predict === "number" && options.num_predict >= 0 ? { ...input, maxTokens: options.num_predict } : input, ctx);
    const head = () => ({ model: modelOf(ctx), created_at: new Date().toISOString() });
    const content = (text: string) => (kind === "chat" ? { message: { role: "assistant", content: text } } : { response: text });
    const toolCalls = g.toolCall ? [{ function: { name: g.toolCall.name, arguments: g.toolCall.arguments } }] : undefined;
    const finalContent = (text: string) =>
      kind === "chat" && toolCalls ? { message: { role: "assistant", content: text, tool_calls: toolCalls } } : content(text);
    const tail = { done: true, done_reason: g.finish === "length" ? "length" : "stop", ...(kind === "generate" ? { context: contextTokens(g) } : {}), ...stats(g) };

    if (ctx.body.stream === false) return jsonResponse(ctx, { ...head(), ...finalContent(g.text), ...tail });
    const lines = g.pieces.map((piece) => ndjsonLine({ ...head(), ...content(piece), done: false }));
    if (toolCalls) lines.push(ndjsonLine({ ...head(), ...finalContent(""), done: false }));
    lines.push(ndjsonLine({ ...head(), ...content(""), ...tail }));
    return streamResponse(ctx, withStreamError(ctx, lines, ndjsonLine(OLLAMA_STREAM_ERROR)), "application/x-ndjson");
  };
}

/** /api/generate returns the token context for a follow-up call; a short stand-in list. */
function contextTokens(g: Generation): number[] {
  return Array.from({ length: Math.min(16, g.inputTokens + g.outputTokens) }, (_, i) => (g.promptHash + i * 7919) % 128_000);
}
