// OpenAI Embeddings (/v1/embeddings), the shape most embedding servers copy.
import { defineAdapter, parsed } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { paramsOf } from "./params.ts";
import { message, strings } from "./prompt-text.ts";

export const openaiEmbeddings = defineAdapter(
  "openai-embeddings",
  onOpenAIPath(/\/embeddings\/?$/, "embeddings"),
  // token-id inputs have no text to record
  (b) => parsed(b.model, paramsOf(b), strings(b.input).map((p) => message("input", p)), undefined, false, b.input !== undefined),
  readOpenAI,
  () => null,
);
