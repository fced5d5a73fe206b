// `@llmscope/core/providers`: the pieces the built-in adapters are made of,
// for adapters that live outside core (`registerProvider(defineAdapter(…))`),
// so they fold streams, read usage and tool calls by the same rules.
export { defineAdapter, parsed, sse } from "./adapter.ts";
export { fold, REFUSAL, type Chunk, type ChunkReader, type Fold } from "./accumulate.ts";
export { readOpenAI } from "./openai-chat.ts";
export { buildPrompt, messageOf, strings, textOf, toolCallOf } from "./prompt-text.ts";
export { arr, args, at, clean, errorOf, num, obj, str, type Obj } from "./read.ts";
export { usageOf } from "./usage.ts";
export type * from "./types.ts";
