// Anthropic Messages API (/v1/messages): JSON, and SSE from message_start to message_stop.
import { defineAdapter, parsed } from "./adapter.ts";
import type { ChunkReader } from "./accumulate.ts";
import { paramsOf } from "./params.ts";
import { isToolCall, messageOf, textOf, toolCallOf } from "./prompt-text.ts";
import { arr, num, obj, str } from "./read.ts";

// server_tool_use and mcp_tool_use blocks are tool calls the model made too

const read: ChunkReader = (d) => {
  const m = d.type === "message_start" ? obj(d.message) : d;
  if (m.type === "message") {
    const blocks = arr(m.content).map(obj);
    return {
      text: blocks.map((x) => (x.type === "text" ? (str(x.text) ?? "") : "")).join(""),
      calls: blocks.filter(isToolCall).map(toolCallOf),
      finish: str(m.stop_reason),
      model: str(m.model),
      usage: m.usage,
    };
  }
  const block = obj(d.content_block), delta = obj(d.delta), index = num(d.index);
  return {
    text: str(block.text ?? delta.text),
    // a tool_use block starts with an empty input; its JSON arrives in fragments
    calls: isToolCall(block) ? [{ ...toolCallOf(block), index, arguments: "" }] : delta.type === "input_json_delta" ? [{ index, arguments: str(delta.partial_json) }] : undefined,
    finish: str(delta.stop_reason),
    // message_delta repeats cumulative counts: the fold takes them, never adds
    usage: d.usage,
  };
};

export const anthropic = defineAdapter(
  "anthropic",
  (url) => (/\/v1\/messages\/?$/.test(url.pathname) ? { provider: "anthropic", operation: "chat" } : null),
  (b) => parsed(b.model, paramsOf(b), arr(b.messages).map(messageOf), textOf(b.system), b.stream === true, Array.isArray(b.messages)),
  read,
);
