import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, type Fold } from "./accumulate.ts";
import { quickOpenAIDelta, readOpenAI } from "./openai-chat.ts";

/** what a fold gives for these events, and whether each push threw */
function outcome(f: Fold, events: string[]) {
  const pushes = events.map((data) => {
    try {
      return f.push({ data }).content;
    } catch {
      return "threw";
    }
  });
  return { pushes, result: f.result() };
}

// a text delta as OpenAI and compatible servers send it, each optional member present or not
const delta = fc.record({
  id: fc.oneof(fc.constant("chatcmpl-4MDQDExKyk2mMfYYISuZkT1t"), fc.string()),
  created: fc.oneof(fc.nat(), fc.constant(0)),
  model: fc.oneof(fc.constant("gpt-4o-mini-2024-07-18"), fc.string()),
  tier: fc.option(fc.constant("default"), { nil: undefined }),
  fingerprint: fc.option(fc.string(), { nil: undefined }),
  role: fc.boolean(),
  content: fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constant("")),
  refusal: fc.boolean(),
  usage: fc.boolean(),
  obfuscation: fc.option(fc.string(), { nil: undefined }),
});
const deltaText = (d: typeof delta extends fc.Arbitrary<infer T> ? T : never) =>
  JSON.stringify({
    id: d.id, object: "chat.completion.chunk", created: d.created, model: d.model, service_tier: d.tier, system_fingerprint: d.fingerprint,
    choices: [{ index: 0, delta: { role: d.role ? "assistant" : undefined, content: d.content, refusal: d.refusal ? null : undefined }, logprobs: null, finish_reason: null }],
    usage: d.usage ? null : undefined, obfuscation: d.obfuscation,
  });

// events that look like a text delta but carry more, or are not what they seem: each must be parsed
const nearMisses = [
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":null,"finish_reason":"stop"}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x","refusal":"no"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":null,"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{}"}}]},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":1,"delta":{"content":"x"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":null,"finish_reason":null}],"error":{"message":"overloaded"}}',
  // not JSON: a leading zero, a bad escape, a raw control character, a cut event
  '{"id":"a","object":"chat.completion.chunk","created":01,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"\\x"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"\\u12"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a\tb"},"logprobs":null,"finish_reason":null}]}',
  '{"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":null,"finish_reason":null}]',
];

describe("an OpenAI text delta read without a parse", () => {
  it("gives what the parse gives, for any sequence of deltas and other events, cut at any size", () => {
    const event = fc.oneof({ weight: 4, arbitrary: delta.map(deltaText) }, fc.constantFrom(...nearMisses), fc.string());
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.oneof(fc.constant(Infinity), fc.nat(64)), (events, cap) => {
        expect(outcome(fold(readOpenAI, cap, quickOpenAIDelta), events)).toEqual(outcome(fold(readOpenAI, cap), events));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the deltas OpenAI sends, and leaves every near miss to the parse", () => {
    const sent =
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1796549771,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":" caf\\u00e9 \\"ok\\"\\n"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"a1B"}';
    expect(quickOpenAIDelta(sent)).toEqual({ model: "gpt-4o-mini-2024-07-18", text: ' café "ok"\n' });
    const first = '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}';
    expect(quickOpenAIDelta(first)).toEqual({ model: "m", text: "" });
    for (const miss of nearMisses.slice(0, 7)) expect(quickOpenAIDelta(miss)).toBeUndefined();
  });
});
