// OpenAI legacy Completions (/v1/completions, Azure deployments/{d}/completions).
import { defineAdapter, parsed } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { onOpenAIPath } from "./openai-url.ts";
import { paramsOf } from "./params.ts";
import { message, strings } from "./prompt-text.ts";

export const openaiCompletions = defineAdapter(
  "openai-completions",
  onOpenAIPath(/\/(v1|openai|deployments\/[^/]+)\/completions\/?$/, "completion"),
  (b) => parsed(b.model, paramsOf(b), strings(b.prompt).map((p) => message("user", p)), undefined, b.stream === true, b.prompt !== undefined),
  readOpenAI,
);
