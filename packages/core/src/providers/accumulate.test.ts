import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "./accumulate.ts";
import { usageOf } from "./usage.ts";

const COUNT_NAMES = ["prompt_tokens", "completion_tokens", "total_tokens", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "promptTokenCount", "candidatesTokenCount", "thoughtsTokenCount", "totalTokenCount", "prompt_tokens_details"];
const usagePiece = fc.dictionary(fc.constantFrom(...COUNT_NAMES), fc.constantFrom(null, undefined, 0, 7, 120, { cached_tokens: 3 }), { maxKeys: 6 });

/** the usage a stream's chunks add up to, as the fold took it with Object.entries: each field replaces an earlier one, null and undefined skipped */
const merged = (pieces: Record<string, unknown>[]) => {
  let usage: Record<string, unknown> | undefined;
  for (const piece of pieces) for (const [k, v] of Object.entries(piece)) if (v != null) (usage ??= {})[k] = v;
  return usage && usageOf(usage);
};

describe("fold's usage", () => {
  it("takes each chunk's usage fields over earlier ones, skipping null and undefined, as reading them pair by pair did", () => {
    fc.assert(
      fc.property(fc.array(usagePiece, { maxLength: 5 }), (pieces) => {
        const f = fold((d) => ({ usage: d.usage }));
        for (const usage of pieces) f.add({ usage });
        expect(f.result().usage).toEqual(merged(pieces));
      }),
      { numRuns: 300 },
    );
  });
});
