import type { MockContext } from "../../context.ts";
import { type Generation, generate } from "../../generation.ts";
import { jsonResponse, streamResponse, withStreamError } from "../../respond.ts";
import { sseEvent } from "../../stream/encode.ts";
import { GEMINI_SERVER_ERROR } from "./protocol.ts";
import { geminiPrompt, geminiTools, isThinkingModel, maxOutputTokens, modelOf } from "./request.ts";
import { blockedResponse, candidate, envelope, finishReason, fullUsage, promptUsage } from "./response.ts";

/** Gemini streams a few tokens per chunk, not one. */
const PIECES_PER_CHUNK = 3;

export function generateContentHandler(ctx: MockContext): Response | Promise<Response> {
  const model = modelOf(ctx);
  const input = { prompt: geminiPrompt(ctx.body.contents, ctx.body.systemInstruction), model, tools: geminiTools(ctx.body.tools), reasoning: isThinkingModel(model) };
  const maxTokens = maxOutputTokens(ctx.body);
  const g = generate(maxTokens === undefined ? input : { ...input, maxTokens }, ctx);
  const chunks = responseChunks(ctx, g);
  if (!ctx.route.stream) return jsonResponse(ctx, wholeResponse(ctx, g));
  const parts = ctx.url.searchParams.get("alt") === "sse" ? chunks.map((c) => sseEvent(c, undefined, "\r\n")) : jsonArrayParts(chunks);
  const error = ctx.url.searchParams.get("alt") === "sse" ? sseEvent(GEMINI_SERVER_ERROR, undefined, "\r\n") : `\r\n,${JSON.stringify(GEMINI_SERVER_ERROR)}\r\n]`;
  const contentType = ctx.url.searchParams.get("alt") === "sse" ? "text/event-stream" : "application/json; charset=UTF-8";
  const kept = withStreamError(ctx, parts, error);
  // The error element must land inside the array, so the kept part loses any closing bracket.
  if (ctx.scenario === "stream_error" && kept.length > 1) kept[kept.length - 2] = kept[kept.length - 2]!.replace(/\r\n\]$/, "");
  return streamResponse(ctx, kept, contentType);
}

function wholeResponse(ctx: MockContext, g: Generation) {
  if (g.finish === "blocked") return blockedResponse(ctx, g);
  const finish = finishReason(g);
  const parts = g.toolCall ? [{ functionCall: { name: g.toolCall.name, args: g.toolCall.arguments } }] : finish === "SAFETY" ? [] : [{ text: g.text }];
  return { candidates: [candidate(parts, finish)], usageMetadata: fullUsage(g), ...envelope(ctx) };
}

/** Each chunk is a whole GenerateContentResponse; the last carries finishReason and full usage. */
function responseChunks(ctx: MockContext, g: Generation): unknown[] {
  if (g.finish === "blocked") return [blockedResponse(ctx, g)];
  if (g.toolCall) return [wholeResponse(ctx, g)];
  const chunks: unknown[] = [];
  for (let i = 0; i < g.pieces.length; i += PIECES_PER_CHUNK) {
    const text = g.pieces.slice(i, i + PIECES_PER_CHUNK).join("");
    chunks.push({ candidates: [candidate([{ text }])], usageMetadata: promptUsage(g), ...envelope(ctx) });
  }
  const finish = finishReason(g);
  const last = chunks.pop() as { candidates: unknown[] } | undefined;
  const lastParts = finish === "SAFETY" || !last ? [] : ((last.candidates[0] as { content: { parts: unknown[] } }).content.parts);
  if (finish === "SAFETY" && last) chunks.push(last);
  chunks.push({ candidates: [candidate(lastParts, finish)], usageMetadata: fullUsage(g), ...envelope(ctx) });
  return chunks;
}

/** Without alt=sse Google streams one JSON array, element by element: `[{…}\r\n,{…}\r\n]`. */
function jsonArrayParts(chunks: unknown[]): string[] {
  const parts = chunks.map((c, i) => (i === 0 ? "[" : "\r\n,") + JSON.stringify(c));
  parts[parts.length - 1] += "\r\n]";
  return parts;
}
