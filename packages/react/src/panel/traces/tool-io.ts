import type { Step } from "@llmscope/core";

// The recorder puts a tool's arguments and result (capped, redacted) in the
// OTel GenAI attributes; apps timing a tool by hand name them as they like, so
// the usual names are read too.
const argumentKeys = ["gen_ai.tool.call.arguments", "arguments", "args", "input"];
const resultKeys = ["gen_ai.tool.call.result", "result", "output"];

/** attribute names that carry a tool's input or output */
export const toolIoKeys = [...argumentKeys, ...resultKeys, "gen_ai.tool.name"];

const first = (attributes: Step["attributes"], keys: string[]) => {
  for (const key of keys) {
    const value = attributes?.[key];
    if (value !== undefined) return String(value);
  }
  return undefined;
};

export const toolArguments = (step: Step) => first(step.attributes, argumentKeys);
export const toolResult = (step: Step) => first(step.attributes, resultKeys);

/** Arguments that differ only in key order or spacing are the same call. */
export function canonicalArguments(text: string | undefined): string {
  if (text === undefined) return "";
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text.trim();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
