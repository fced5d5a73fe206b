// Anthropic Messages API (/v1/messages): JSON, and SSE from message_start to message_stop.
import { defineAdapter, parsed } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { pickParams } from "./params.ts";
import { buildPrompt, message, textOf } from "./prompt-text.ts";
import { args, arr, num, obj, str, type Obj } from "./read.ts";

const PARAMS = "temperature top_p top_k max_tokens tools tool_choice stop_sequences=stop thinking.budget_tokens=thinkingBudget";

// server_tool_use and mcp_tool_use blocks are tool calls the model made too
const isToolUse = (b: Obj) => /tool_use$/.test(b.type);
const toolUse = (b: Obj) => ({ name: str(b.name) ?? "", arguments: args(b.input), id: str(b.id) });

const read: ChunkReader = (d) => {
  const m = d.type === "message_start" ? obj(d.message) : d;
  if (m.type === "message") {
    const blocks = arr(m.content).map(obj);
    return {
      text: blocks.map((x) => (x.type === "text" ? (str(x.text) ?? "") : "")).join(""),
      calls: blocks.filter(isToolUse).map(toolUse),
      finish: str(m.stop_reason),
      model: str(m.model),
      usage: m.usage,
    };
  }
  const block = obj(d.content_block), delta = obj(d.delta), index = num(d.index);
  return {
    text: str(block.text ?? delta.text),
    calls:
      isToolUse(block)
        ? [{ index, name: str(block.name), id: str(block.id), arguments: "" }]
        : delta.type === "input_json_delta"
          ? [{ index, arguments: str(delta.partial_json) }]
          : undefined,
    finish: str(delta.stop_reason),
    // message_delta repeats cumulative counts: the fold takes them, never adds
    usage: d.usage,
  };
};

export const anthropic = defineAdapter(
  "anthropic",
  (url) => (/\/v1\/messages\/?$/.test(url.pathname) ? { provider: "anthropic", operation: "chat" } : null),
  (body) => {
    const b = obj(body);
    const messages = arr(b.messages).map((m) => {
      const o = obj(m), blocks = typeof o.content === "string" ? [] : arr(o.content).map(obj);
      // tool results travel in user turns; they read better as the tool speaking
      const role = blocks.length && blocks.every((x) => x.type === "tool_result") ? "tool" : (str(o.role) ?? "user");
      return message(role, textOf(o.content), blocks.filter(isToolUse).map(toolUse));
    });
    return parsed(b.model, pickParams(b, PARAMS), buildPrompt(messages, textOf(b.system)), b.stream === true, Array.isArray(b.messages));
  },
  read,
);
