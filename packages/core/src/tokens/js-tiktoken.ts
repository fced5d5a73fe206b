// `@llmscope/core/tokens/js-tiktoken`: js-tiktoken as the tokenizer, for who
// wants OpenAI's reference implementation. Its own entry, so a build that does
// not import it emits none of its files; importing it and passing
// `tokenizer: jsTiktoken` to the recorder loads it (one encoding at a time)
// the first time a call needs an estimate.
import type { Encoding } from "./encoding-for-model.ts";
import { estimateUsage } from "./estimate-usage.ts";
import { addTokenizerLibrary, loadTokenizer, type CountTokens, type RawCount } from "./load-tokenizer.ts";
import type { TokenEstimator } from "./token-estimator.ts";

async function loadJsTiktoken(encoding: Encoding): Promise<RawCount> {
  // The lite entry plus one ranks file: the package root bundles every encoding.
  const [{ Tiktoken }, ranks] = await Promise.all([
    import("js-tiktoken/lite"),
    encoding === "o200k_base" ? import("js-tiktoken/ranks/o200k_base") : import("js-tiktoken/ranks/cl100k_base"),
  ]);
  const tiktoken = new Tiktoken(ranks.default);
  return (text) => tiktoken.encode(text, [], []).length;
}

/** js-tiktoken's counter for one encoding (the same counts as the default, slower) */
export function loadJsTiktokenCounter(encoding: Encoding): Promise<CountTokens> {
  addTokenizerLibrary("js-tiktoken", loadJsTiktoken);
  return loadTokenizer(encoding, "js-tiktoken");
}

/** an estimator counting with js-tiktoken: the recorder's `tokenizer` option */
export const jsTiktoken: TokenEstimator = (call) => {
  addTokenizerLibrary("js-tiktoken", loadJsTiktoken);
  return estimateUsage(call, "js-tiktoken");
};
