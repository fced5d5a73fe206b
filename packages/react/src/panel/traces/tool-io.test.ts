import { describe, expect, it } from "vitest";
import type { Step } from "@llmscope/core";
import { canonicalArguments, toolArguments, toolResult } from "./tool-io.ts";

const step = (attributes: Step["attributes"]): Step => ({ id: "s", traceId: "t", name: "lookup", kind: "tool", startedAt: 0, attributes });

describe("tool input and output", () => {
  it("reads the recorder's GenAI attributes first, then the names apps use", () => {
    expect(toolArguments(step({ "gen_ai.tool.call.arguments": "{}", args: "x" }))).toBe("{}");
    expect(toolArguments(step({ args: "q=1" }))).toBe("q=1");
    expect(toolResult(step({ output: 42 }))).toBe("42");
    expect(toolResult(step({}))).toBeUndefined();
  });

  it("treats JSON arguments that differ in key order or spacing as the same, other text as itself", () => {
    expect(canonicalArguments('{"b":1, "a":{"y":2,"x":[1]}}')).toBe(canonicalArguments('{ "a": {"x":[1],"y":2}, "b": 1 }'));
    expect(canonicalArguments(" city=Paris ")).toBe("city=Paris");
    expect(canonicalArguments('{"city":"Paris"}')).not.toBe(canonicalArguments('{"city":"Rome"}'));
  });
});
