import { describe, expect, it } from "vitest";
import { loadJsTiktokenCounter } from "./js-tiktoken.ts";
import { loadTokenizer } from "./load-tokenizer.ts";
import { splitLongRuns } from "./split-long-runs.ts";

const SAMPLES = {
  english: "The quick brown fox jumps over the lazy dog. It's 3:45pm and we're shipping v2.1!",
  japanese: "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。",
  code: "export function add(a: number, b: number): number {\n  return a + b; // sum\n}\n",
  special: "Say <|endoftext|> then <|im_start|>user\nhi<|im_end|> and <|fim_prefix|>.",
};

describe("loadTokenizer", () => {
  it.each(["o200k_base", "cl100k_base"] as const)("gives the same counts with both libraries (%s)", async (encoding) => {
    const fast = await loadTokenizer(encoding, "gpt-tokenizer");
    const reference = await loadJsTiktokenCounter(encoding);
    for (const text of Object.values(SAMPLES)) {
      expect(fast(text)).toBe(reference(text));
      expect(fast(text)).toBeGreaterThan(0);
    }
  });

  it("counts known strings exactly (o200k_base)", async () => {
    const count = await loadTokenizer("o200k_base");
    expect(count("hello world")).toBe(2);
    expect(count("")).toBe(0);
  });

  it("counts special-token strings as ordinary text, not as one special token", async () => {
    const count = await loadTokenizer("o200k_base");
    // as a special token "<|endoftext|>" would be 1; as text it is several
    expect(count("<|endoftext|>")).toBeGreaterThan(1);
    expect(count("<|im_start|>")).toBeGreaterThan(1);
  });

  it("tells the encodings apart", async () => {
    const o200k = await loadTokenizer("o200k_base");
    const cl100k = await loadTokenizer("cl100k_base");
    expect(o200k(SAMPLES.japanese)).not.toBe(cl100k(SAMPLES.japanese));
  });

  it("caches one counter per encoding and library", async () => {
    const [a, b] = await Promise.all([loadTokenizer("o200k_base"), loadTokenizer("o200k_base")]);
    expect(a).toBe(b);
    expect(await loadJsTiktokenCounter("o200k_base")).not.toBe(a);
  });

  it("names the entry js-tiktoken has when it is asked for by name", async () => {
    await expect(loadTokenizer("o200k_base", "js-tiktoken")).rejects.toThrow('"@llmscope/core/tokens/js-tiktoken"');
  });

  it("rejects an unknown encoding or library with a clear error", async () => {
    await expect(loadTokenizer("p50k_base" as never)).rejects.toThrow(/unknown encoding "p50k_base"/);
    await expect(loadTokenizer("o200k_base", "tiktoken" as never)).rejects.toThrow(/unknown library "tiktoken"/);
  });
});

// Inputs on which unsplit BPE takes seconds to minutes in JavaScript.
const LONG_RUNS = {
  "a × 10,000": "a".repeat(10_000),
  "a × 50,000": "a".repeat(50_000),
  "10,000 Japanese chars without punctuation": "日本語の文章を区切りなく書き続けるとどうなるか".repeat(455).slice(0, 10_000),
};

describe("long unbroken runs", () => {
  it.each(Object.entries(LONG_RUNS))("%s: both libraries agree after splitting", async (_, text) => {
    const fast = await loadTokenizer("o200k_base", "gpt-tokenizer");
    const reference = await loadJsTiktokenCounter("o200k_base");
    const count = fast(text);
    expect(count).toBeGreaterThan(0);
    expect(reference(text)).toBe(count);
  });

  it.each(["a × 10,000", "10,000 Japanese chars without punctuation"] as const)(
    "%s: the split count is within one token per cut of the unsplit count",
    async (name) => {
      const text = LONG_RUNS[name];
      const split = (await loadTokenizer("o200k_base"))(text);
      // gpt-tokenizer unsplit is affordable on 10,000 chars (under a second here)
      const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
      const unsplit = countTokens(text);
      const cuts = splitLongRuns(text).length - 1;
      expect(cuts).toBeGreaterThan(0);
      expect(Math.abs(split - unsplit)).toBeLessThanOrEqual(cuts);
    },
  );
});
