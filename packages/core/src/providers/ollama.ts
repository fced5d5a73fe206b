// Ollama native API (/api/chat, /api/generate): NDJSON streams unless `stream:false`.
import { onPath, parsed, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { paramsOf } from "./params.ts";
import { message, messageOf, textOf, toolCallOf } from "./prompt-text.ts";
import { arr, obj, str } from "./read.ts";

const read: ChunkReader = (d) => {
  const m = obj(d.message);
  return {
    text: str(m.content ?? d.response),
    calls: arr(m.tool_calls).map(toolCallOf),
    finish: str(d.done_reason),
    model: str(d.model),
    // only the final line carries counts, and they are totals
    usage: d.done ? { prompt_eval_count: d.prompt_eval_count, eval_count: d.eval_count } : undefined,
  };
};

export const ollamaWire = defineWire(
  "ollama",
  // the operations are named as the paths are
  onPath(/\/api\/(chat|generate)\/?$/, (m) => ({ provider: "ollama", operation: m[1] as "chat" | "generate" })),
  read,
  (_m, contentType) => (contentType.includes("ndjson") ? "ndjson" : null),
);

export const readOllamaRequest: RequestReader = (b) => {
  const messages = b.messages ? arr(b.messages).map(messageOf) : [message("user", textOf(b.prompt))];
  // every Ollama request names a model; an app's own /api/chat route usually does not
  return parsed(b.model, paramsOf(b, b.options), messages, str(b.system), b.stream !== false, typeof b.model === "string");
};

export const ollama = /* @__PURE__ */ withRequest(ollamaWire, readOllamaRequest);
