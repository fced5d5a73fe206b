// The tool results a request carries back to the model, by tool call id, in
// each protocol's shape: OpenAI chat `tool` messages (tool_call_id), Anthropic
// `tool_result` blocks (tool_use_id), Responses `function_call_output` items
// (call_id), Gemini `functionResponse` parts (id, when the model gave one).
import { textOf } from "../providers/prompt-text.ts";
import { arr, obj, str } from "../providers/read.ts";

/** id → result text; empty when the body holds none (or is not JSON) */
export function toolResultsOf(requestBody: string | undefined): Map<string, string> {
  const results = new Map<string, string>();
  if (!requestBody || !/tool_call_id|tool_use_id|function_call_output|functionResponse/.test(requestBody)) return results;
  let body: Record<string, unknown>;
  try {
    body = obj(JSON.parse(requestBody));
  } catch {
    return results;
  }
  const found = (id: unknown, result: unknown) => {
    const key = str(id);
    if (key) results.set(key, textOf(result));
  };
  for (const m of arr(body.messages).map(obj)) {
    if (m.tool_call_id) found(m.tool_call_id, m.content);
    for (const block of arr(m.content).map(obj)) if (block.type === "tool_result") found(block.tool_use_id, block.content);
  }
  for (const item of arr(body.input).map(obj)) if (item.type === "function_call_output") found(item.call_id, item.output);
  for (const content of arr(body.contents).map(obj)) {
    for (const part of arr(content.parts).map(obj)) {
      const response = obj(part.functionResponse);
      if (response.id) found(response.id, { functionResponse: response });
    }
  }
  return results;
}
