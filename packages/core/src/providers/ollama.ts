// Ollama native API (/api/chat, /api/generate): NDJSON streams unless `stream:false`.
import { defineAdapter, parsed } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, callOf, message, textOf } from "./prompt-text.ts";
import { arr, obj, str } from "./read.ts";

const read: ChunkReader = (d) => {
  const m = obj(d.message);
  return {
    text: str(m.content ?? d.response),
    calls: arr(m.tool_calls).map(callOf),
    finish: str(d.done_reason),
    model: str(d.model),
    // only the final line carries counts, and they are totals
    usage: d.done ? { prompt_eval_count: d.prompt_eval_count, eval_count: d.eval_count } : undefined,
  };
};

export const ollama = defineAdapter(
  "ollama",
  (url) => {
    const m = /\/api\/(chat|generate)\/?$/.exec(url.pathname);
    return m ? { provider: "ollama", operation: m[1] === "chat" ? "chat" : "generate" } : null;
  },
  (body) => {
    const b = obj(body);
    const messages = b.messages
      ? arr(b.messages).map((m) => {
          const o = obj(m);
          return message(str(o.role) ?? "user", textOf(o.content), arr(o.tool_calls).map(callOf));
        })
      : [message("user", textOf(b.prompt))];
    const params = pickParams(b.options, "temperature top_p top_k num_predict=maxTokens seed stop", pickParams(b, "tools format=responseFormat"));
    // every Ollama request names a model; an app's own /api/chat route usually does not
    return parsed(b.model, params, buildPrompt(messages, str(b.system)), b.stream !== false, typeof b.model === "string");
  },
  read,
  (_m, contentType) => (contentType.includes("ndjson") ? "ndjson" : null),
);
