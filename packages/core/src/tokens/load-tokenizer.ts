import type { Encoding } from "./encoding-for-model.ts";
import { splitLongRuns } from "./split-long-runs.ts";

/** The one-function interface the rest of llmscope counts tokens through. */
export type CountTokens = (text: string) => number;

/** gpt-tokenizer is the default: the same counts as js-tiktoken, several times faster. */
export type TokenizerLibrary = "gpt-tokenizer" | "js-tiktoken";

// gpt-tokenizer memoizes merges without bound by default (≈18 MB after a few MB
// of text); 10,000 entries keeps it near 3 MB in a browser tab or a Worker.
const MERGE_CACHE_SIZE = 10_000;

type RawCount = (text: string) => number;

async function loadGptTokenizer(encoding: Encoding): Promise<RawCount> {
  // One literal specifier per encoding so bundlers split each into its own lazy chunk.
  const api =
    encoding === "o200k_base"
      ? await import("gpt-tokenizer/encoding/o200k_base")
      : await import("gpt-tokenizer/encoding/cl100k_base");
  api.setMergeCacheSize(MERGE_CACHE_SIZE);
  // User text that contains "<|endoftext|>" is ordinary text, not a special token.
  const plainText = { disallowedSpecial: new Set<string>() };
  return (text) => api.countTokens(text, plainText);
}

async function loadJsTiktoken(encoding: Encoding): Promise<RawCount> {
  // The lite entry plus one ranks file: the package root bundles every encoding.
  const [{ Tiktoken }, ranks] = await Promise.all([
    import("js-tiktoken/lite"),
    encoding === "o200k_base" ? import("js-tiktoken/ranks/o200k_base") : import("js-tiktoken/ranks/cl100k_base"),
  ]);
  const tiktoken = new Tiktoken(ranks.default);
  return (text) => tiktoken.encode(text, [], []).length;
}

function bounded(raw: RawCount): CountTokens {
  return (text) => {
    if (typeof text !== "string" || text.length === 0) return 0;
    let tokens = 0;
    for (const piece of splitLongRuns(text)) tokens += raw(piece);
    return tokens;
  };
}

const loaded = new Map<string, Promise<CountTokens>>();

/**
 * A token counter for one encoding, loaded on first use by dynamic import and
 * cached per encoding and library. Long unbroken runs are cut before encoding,
 * so a count stays within a few milliseconds per KB whatever the text.
 */
export function loadTokenizer(encoding: Encoding, library: TokenizerLibrary = "gpt-tokenizer"): Promise<CountTokens> {
  if (encoding !== "o200k_base" && encoding !== "cl100k_base") {
    return Promise.reject(new Error(`loadTokenizer: unknown encoding "${String(encoding)}" (use o200k_base or cl100k_base)`));
  }
  if (library !== "gpt-tokenizer" && library !== "js-tiktoken") {
    return Promise.reject(new Error(`loadTokenizer: unknown library "${String(library)}" (use gpt-tokenizer or js-tiktoken)`));
  }
  const key = `${library}:${encoding}`;
  let counter = loaded.get(key);
  if (!counter) {
    counter = (library === "js-tiktoken" ? loadJsTiktoken(encoding) : loadGptTokenizer(encoding)).then(bounded);
    // a failed import (offline chunk, CSP) must not stick: the next call retries
    counter.catch(() => loaded.delete(key));
    loaded.set(key, counter);
  }
  return counter;
}
