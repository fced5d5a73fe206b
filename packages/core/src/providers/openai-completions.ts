// OpenAI legacy Completions (/v1/completions, Azure deployments/{d}/completions).
import { defineAdapter, parsed } from "./adapter.ts";
import { readOpenAI } from "./openai-chat.ts";
import { openaiMatch } from "./openai-url.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, message, strings } from "./prompt-text.ts";
import { obj } from "./read.ts";

export const openaiCompletions = defineAdapter(
  "openai-completions",
  (url) => (/\/(v1|openai|deployments\/[^/]+)\/completions\/?$/.test(url.pathname) ? openaiMatch(url, "completion") : null),
  (body) => {
    const b = obj(body);
    const prompt = buildPrompt(strings(b.prompt).map((p) => message("user", p)));
    return parsed(b.model, pickParams(b, "temperature top_p max_tokens stop seed"), prompt, b.stream === true, b.prompt !== undefined);
  },
  readOpenAI,
);
