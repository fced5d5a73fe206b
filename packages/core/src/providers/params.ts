// Request parameters worth seeing beside a call, from one vocabulary for every
// protocol: the wire names never collide, so each adapter only says where its
// parameters live (the body, Ollama's `options`, Gemini's `generationConfig`).
import { at, obj, str, type Obj } from "./read.ts";

/**
 * Space-separated `path[=name]`: a dotted camelCase path, also looked up in
 * snake_case (top_p for topP), recorded under `name` or its last segment. The
 * first value found for a name wins (max_tokens before max_completion_tokens).
 */
const PARAMS =
  "temperature topP topK maxTokens maxCompletionTokens=maxTokens maxOutputTokens=maxTokens numPredict=maxTokens " +
  "tools toolChoice toolConfig.functionCallingConfig.mode=toolChoice responseFormat text.format=responseFormat format=responseFormat responseMimeType=responseFormat " +
  "reasoningEffort reasoning.effort=reasoningEffort thinking.budgetTokens=thinkingBudget thinkingConfig.thinkingBudget " +
  "stop stopSequences=stop seed frequencyPenalty presencePenalty dimensions";

/** [camelCase keys, snake_case keys, recorded name], split once: this runs on every call */
const SPEC = PARAMS.split(" ").map((entry) => {
  const [path = "", name = path.split(".").pop()!] = entry.split("=");
  return [path.split("."), path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).split("."), name] as const;
});

/**
 * Reads the body first, then each nested options object. Tool lists are
 * recorded as a count and `{type}` objects as their type, to keep records small.
 */
export const paramsOf = (...sources: unknown[]): Obj => {
  const into: Obj = {};
  for (const source of sources) {
    const src = obj(source);
    // a body holds a few of the ~30 names: a set of its own keys rules out the rest, where looking each entry's first
    // key up on the body in both spellings missed ~60 times a call, each miss a walk up its prototypes
    const keys = new Set(Object.keys(src));
    for (const [path, snake, name] of SPEC) {
      if (!keys.has(path[0]!) && !keys.has(snake[0]!)) continue;
      const v = at(src, path) ?? at(src, snake);
      if (v != null && into[name] === undefined) into[name] = Array.isArray(v) ? (name === "tools" ? v.length : v) : (str(obj(v).type) ?? v);
    }
  }
  return into;
};
