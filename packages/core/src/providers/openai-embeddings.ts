// OpenAI Embeddings (/v1/embeddings), the shape most embedding servers copy.
import { defineAdapter, parsed } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { openaiMatch } from "./openai-url.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, message, strings } from "./prompt-text.ts";
import { obj } from "./read.ts";

export const openaiEmbeddings = defineAdapter(
  "openai-embeddings",
  (url) => (/\/embeddings\/?$/.test(url.pathname) ? openaiMatch(url, "embeddings") : null),
  (body) => {
    const b = obj(body);
    // token-id inputs have no text to record
    const prompt = buildPrompt(strings(b.input).map((p) => message("input", p)));
    return parsed(b.model, pickParams(b, "dimensions"), prompt, false, b.input !== undefined);
  },
  readOpenAI,
  () => null,
);
