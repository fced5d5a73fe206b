// Google Gemini (generativelanguage and Vertex): /models/{model}:generateContent
// and :streamGenerateContent (SSE with alt=sse, else one JSON array).
import { onPath, parsed, sse, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { partsChunk, type ChunkReader } from "./accumulate.ts";
import { paramsOf } from "./params.ts";
import { messageOf, textOf } from "./prompt-text.ts";
import { arr, obj, str } from "./read.ts";

/** Every streamed chunk is a whole GenerateContentResponse; usageMetadata repeats the running totals. */
const read: ChunkReader = (d) => {
  const c = obj(arr(d.candidates)[0]), parts = arr(obj(c.content).parts).map(obj);
  const feedback = obj(d.promptFeedback), blocked = str(feedback.blockReason);
  return {
    // thought summaries are reasoning, not the answer
    ...partsChunk(parts, (p) => !p.thought, (p) => p.functionCall),
    finish: str(c.finishReason),
    model: str(d.modelVersion),
    usage: d.usageMetadata,
    error: blocked ? { kind: "content_filter", code: blocked, message: str(feedback.blockReasonMessage) ?? `Prompt blocked: ${blocked}` } : undefined,
  };
};

export const geminiWire = defineWire(
  "gemini",
  onPath(/\/models\/([^/:]+):(streamG|g)enerateContent\/?$/, (m) => ({ provider: "google", operation: "chat", model: m[1], stream: m[2] === "streamG" })),
  read,
  (m, contentType) => (m.stream ? (sse(m, contentType) ?? (contentType.includes("json") ? "json-array" : null)) : null),
);

export const readGeminiRequest: RequestReader = (b, match) =>
  parsed(match.model, paramsOf(b, b.generationConfig), arr(b.contents).map(messageOf), textOf(b.systemInstruction), !!match.stream, Array.isArray(b.contents));

export const gemini = /* @__PURE__ */ withRequest(geminiWire, readGeminiRequest);
