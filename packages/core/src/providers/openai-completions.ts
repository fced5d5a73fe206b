// OpenAI legacy Completions (/v1/completions, Azure deployments/{d}/completions).
import { parsed, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { paramsOf } from "./params.ts";
import { message, strings } from "./prompt-text.ts";

export const openaiCompletionsWire = defineWire("openai-completions", onOpenAIPath(/\/(v1|openai|deployments\/[^/]+)\/completions\/?$/, "completion"), readOpenAI);

export const readOpenAICompletionsRequest: RequestReader = (b) =>
  parsed(b.model, paramsOf(b), strings(b.prompt).map((p) => message("user", p)), undefined, b.stream === true, b.prompt !== undefined);

export const openaiCompletions = /* @__PURE__ */ withRequest(openaiCompletionsWire, readOpenAICompletionsRequest);
