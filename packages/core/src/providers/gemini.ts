// Google Gemini (generativelanguage and Vertex): /models/{model}:generateContent
// and :streamGenerateContent (SSE with alt=sse, else one JSON array).
import { defineAdapter, parsed } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { paramsOf } from "./params.ts";
import { messageOf, textOf, toolCallOf } from "./prompt-text.ts";
import { arr, obj, str } from "./read.ts";

/** Every streamed chunk is a whole GenerateContentResponse; usageMetadata repeats the running totals. */
const read: ChunkReader = (d) => {
  const c = obj(arr(d.candidates)[0]), parts = arr(obj(c.content).parts).map(obj);
  const feedback = obj(d.promptFeedback), blocked = str(feedback.blockReason);
  return {
    // thought summaries are reasoning, not the answer
    text: parts.map((p) => (p.thought ? "" : (str(p.text) ?? ""))).join(""),
    calls: parts.filter((p) => p.functionCall).map(toolCallOf),
    finish: str(c.finishReason),
    model: str(d.modelVersion),
    usage: d.usageMetadata,
    error: blocked ? { kind: "content_filter", code: blocked, message: str(feedback.blockReasonMessage) ?? `Prompt blocked: ${blocked}` } : undefined,
  };
};

export const gemini = defineAdapter(
  "gemini",
  (url) => {
    const m = /\/models\/([^/:]+):(streamG|g)enerateContent\/?$/.exec(url.pathname);
    return m ? { provider: "google", operation: "chat", model: m[1], stream: m[2] === "streamG" } : null;
  },
  (b, match) =>
    parsed(match.model, paramsOf(b, b.generationConfig), arr(b.contents).map(messageOf), textOf(b.systemInstruction), !!match.stream, Array.isArray(b.contents)),
  read,
  (m, contentType) => (!m.stream ? null : contentType.includes("event-stream") ? "sse" : contentType.includes("json") ? "json-array" : null),
);
