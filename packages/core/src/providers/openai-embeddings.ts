// OpenAI Embeddings (/v1/embeddings), the shape most embedding servers copy.
import { parsed, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { paramsOf } from "./params.ts";
import { message, strings } from "./prompt-text.ts";

export const openaiEmbeddingsWire = defineWire("openai-embeddings", onOpenAIPath(/\/embeddings\/?$/, "embeddings"), readOpenAI, () => null);

// token-id inputs have no text to record
export const readOpenAIEmbeddingsRequest: RequestReader = (b) =>
  parsed(b.model, paramsOf(b), strings(b.input).map((p) => message("input", p)), undefined, false, b.input !== undefined);

export const openaiEmbeddings = /* @__PURE__ */ withRequest(openaiEmbeddingsWire, readOpenAIEmbeddingsRequest);
