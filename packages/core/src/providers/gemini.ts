// Google Gemini (generativelanguage and Vertex): /models/{model}:generateContent
// and :streamGenerateContent (SSE with alt=sse, else one JSON array).
import { defineAdapter, parsed } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, message, textOf } from "./prompt-text.ts";
import { args, arr, obj, str } from "./read.ts";

const PARAMS =
  "temperature topP topK maxOutputTokens=maxTokens stopSequences=stop seed presencePenalty frequencyPenalty responseMimeType=responseFormat thinkingConfig.thinkingBudget=thinkingBudget";

const functionCall = (f: unknown) => {
  const o = obj(f);
  return { name: str(o.name) ?? "", arguments: args(o.args), id: str(o.id) };
};

/** Every streamed chunk is a whole GenerateContentResponse; usageMetadata repeats the running totals. */
const read: ChunkReader = (d) => {
  const c = obj(arr(d.candidates)[0]), parts = arr(obj(c.content).parts).map(obj);
  const feedback = obj(d.promptFeedback), blocked = str(feedback.blockReason);
  return {
    // thought summaries are reasoning, not the answer
    text: parts.map((p) => (p.thought ? "" : (str(p.text) ?? ""))).join(""),
    calls: parts.filter((p) => p.functionCall).map((p) => functionCall(p.functionCall)),
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
  (body, match) => {
    const b = obj(body);
    const messages = arr(b.contents).map((c) => {
      const o = obj(c), parts = arr(o.parts).map(obj), result = parts.find((p) => p.functionResponse);
      const role = result ? "tool" : o.role === "model" ? "assistant" : (str(o.role) ?? "user");
      return message(role, result ? args(obj(result.functionResponse).response) : textOf(parts), parts.filter((p) => p.functionCall).map((p) => functionCall(p.functionCall)));
    });
    const params = pickParams(b.generationConfig, PARAMS, pickParams(b, "tools toolConfig.functionCallingConfig.mode=toolChoice"));
    return parsed(match.model, params, buildPrompt(messages, textOf(b.systemInstruction)), !!match.stream, Array.isArray(b.contents));
  },
  read,
  (m, contentType) => (!m.stream ? null : contentType.includes("event-stream") ? "sse" : contentType.includes("json") ? "json-array" : null),
);
