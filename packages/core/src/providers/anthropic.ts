// Anthropic Messages API (/v1/messages): JSON, and SSE from message_start to message_stop.
import { chatRequest, onPath, defineWire, withRequest, type RequestReader } from "./adapter.ts";
import { partsChunk, type ChunkReader } from "./accumulate.ts";
import { isToolCall, textOf, toolCallOf } from "./prompt-text.ts";
import { arr, num, obj, str } from "./read.ts";

// server_tool_use and mcp_tool_use blocks are tool calls the model made too

const read: ChunkReader = (d) => {
  const m = d.type === "message_start" ? obj(d.message) : d;
  if (m.type === "message") {
    return {
      ...partsChunk(arr(m.content).map(obj), (x) => x.type === "text", isToolCall),
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

export const anthropicWire = defineWire(
  "anthropic",
  onPath(/\/v1\/messages\/?$/, () => ({ provider: "anthropic", operation: "chat" })),
  read,
);

export const readAnthropicRequest: RequestReader = (b) => chatRequest(b, textOf(b.system));

export const anthropic = /* @__PURE__ */ withRequest(anthropicWire, readAnthropicRequest);
