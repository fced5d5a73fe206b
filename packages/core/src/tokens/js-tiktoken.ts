// `@llmscope/core/tokens/js-tiktoken`: js-tiktoken as the tokenizer, for who
// wants OpenAI's reference implementation. Its own entry, so a build that does
// not import it emits none of its files, and one that does emits no
// gpt-tokenizer: pass `tokenizer: jsTiktoken` to the recorder, and one
// encoding is loaded the first time a call needs it.
import { cachedCounter, type CountTokens, type RawCount } from "./counter-cache.ts";
import { countUsage } from "./count-usage.ts";
import type { Encoding } from "./encoding-for-model.ts";
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
export const loadJsTiktokenCounter = (encoding: Encoding): Promise<CountTokens> =>
  cachedCounter(`js-tiktoken:${encoding}`, () => loadJsTiktoken(encoding));

/** an estimator counting with js-tiktoken: the recorder's `tokenizer` option */
export const jsTiktoken: TokenEstimator = (call) => countUsage(call, loadJsTiktokenCounter);
