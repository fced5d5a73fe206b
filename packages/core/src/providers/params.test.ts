import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paramsOf } from "./params.ts";
import { at, obj, str, type Obj } from "./read.ts";

/** every entry tried in both spellings, in order: what paramsOf gives, read the long way */
const ENTRIES: [string, string][] = [
  ["temperature", "temperature"], ["topP", "topP"], ["topK", "topK"], ["maxTokens", "maxTokens"], ["maxCompletionTokens", "maxTokens"],
  ["maxOutputTokens", "maxTokens"], ["numPredict", "maxTokens"], ["tools", "tools"], ["toolChoice", "toolChoice"],
  ["toolConfig.functionCallingConfig.mode", "toolChoice"], ["responseFormat", "responseFormat"], ["text.format", "responseFormat"],
  ["format", "responseFormat"], ["responseMimeType", "responseFormat"], ["reasoningEffort", "reasoningEffort"], ["reasoning.effort", "reasoningEffort"],
  ["thinking.budgetTokens", "thinkingBudget"], ["thinkingConfig.thinkingBudget", "thinkingBudget"], ["stop", "stop"], ["stopSequences", "stop"],
  ["seed", "seed"], ["frequencyPenalty", "frequencyPenalty"], ["presencePenalty", "presencePenalty"], ["dimensions", "dimensions"],
];
const snake = (path: string) => path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
function readEveryEntry(...sources: unknown[]): Obj {
  const into: Obj = {};
  for (const src of sources)
    for (const [path, name] of ENTRIES) {
      const v = at(src, path) ?? at(src, snake(path));
      if (v != null && into[name] === undefined) into[name] = Array.isArray(v) ? (name === "tools" ? v.length : v) : (str(obj(v).type) ?? v);
    }
  return into;
}

// keys the entries start with, in both spellings, and some no entry knows
const KEYS = [...new Set(ENTRIES.flatMap(([p]) => [p.split(".")[0]!, snake(p).split(".")[0]!])), "model", "messages", "stream", "user"];
const value = fc.oneof(fc.integer(), fc.boolean(), fc.double({ noNaN: true }), fc.string(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.record({ type: fc.string() }));
const nested = fc.oneof(value, fc.dictionary(fc.constantFrom("effort", "format", "mode", "budget_tokens", "budgetTokens", "thinking_budget", "function_calling_config", "functionCallingConfig"), fc.oneof(value, fc.dictionary(fc.constantFrom("mode"), value))));
const body = fc.dictionary(fc.constantFrom(...KEYS), nested);

describe("paramsOf", () => {
  it("reads what trying every entry in both spellings reads, for any body and options", () => {
    fc.assert(
      fc.property(body, fc.option(body, { nil: undefined }), (b, options) => {
        expect(paramsOf(b, options)).toEqual(readEveryEntry(b, options));
      }),
      { numRuns: 500 },
    );
  });

  it("takes the first entry for a name and the body before its options", () => {
    expect(paramsOf({ max_completion_tokens: 9, max_tokens: 5, tools: [{}, {}], response_format: { type: "json_object" } }, { maxTokens: 1, temperature: 0.3 })).toEqual({
      maxTokens: 5,
      tools: 2,
      responseFormat: "json_object",
      temperature: 0.3,
    });
  });
});
