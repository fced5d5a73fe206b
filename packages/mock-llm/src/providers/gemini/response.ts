import type { MockContext } from "../../context.ts";
import type { Generation } from "../../generation.ts";
import { modelOf } from "./request.ts";

const BLOCK_REASONS = new Set(["SAFETY", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "IMAGE_SAFETY"]);

const SAFETY_RATINGS = [
  { category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true },
  { category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", probability: "NEGLIGIBLE" },
];

export function finishReason(g: Generation): string {
  if (g.finish === "length") return "MAX_TOKENS";
  if (g.finish === "content_filter") return "SAFETY";
  return "STOP";
}

/** Prompt tokens only: what every chunk but the last reports. */
export function promptUsage(g: Generation) {
  return {
    promptTokenCount: g.inputTokens,
    totalTokenCount: g.inputTokens,
    ...(g.cache.read > 0 ? { cachedContentTokenCount: g.cache.read } : {}),
    promptTokensDetails: [{ modality: "TEXT", tokenCount: g.inputTokens }],
  };
}

export function fullUsage(g: Generation) {
  return {
    ...promptUsage(g),
    candidatesTokenCount: g.outputTokens,
    totalTokenCount: g.inputTokens + g.outputTokens + g.reasoningTokens,
    ...(g.reasoningTokens > 0 ? { thoughtsTokenCount: g.reasoningTokens } : {}),
  };
}

export function envelope(ctx: MockContext) {
  return { modelVersion: modelOf(ctx), responseId: ctx.requestId };
}

/** A blocked prompt: promptFeedback and no candidates at all. */
export function blockedResponse(ctx: MockContext, g: Generation) {
  const asked = ctx.request.headers.get("x-mock-block-reason")?.toUpperCase();
  const blockReason = asked && BLOCK_REASONS.has(asked) ? asked : "SAFETY";
  const promptFeedback = blockReason === "SAFETY" ? { blockReason, safetyRatings: SAFETY_RATINGS } : { blockReason };
  return { promptFeedback, usageMetadata: promptUsage(g), ...envelope(ctx) };
}

/** One candidate; `parts` empty means the candidate carries no content (a safety stop). */
export function candidate(parts: unknown[], finish?: string) {
  return {
    ...(parts.length > 0 ? { content: { parts, role: "model" } } : {}),
    ...(finish ? { finishReason: finish } : {}),
    ...(finish === "SAFETY" ? { safetyRatings: SAFETY_RATINGS } : {}),
    index: 0,
  };
}
