import type { Encoding } from "./encoding-for-model.ts";
import { splitLongRuns } from "./split-long-runs.ts";

/** The one-function interface the rest of llmscope counts tokens through. */
export type CountTokens = (text: string) => number;

/** gpt-tokenizer is the default: the same counts as js-tiktoken, several times faster. */
export type TokenizerLibrary = "gpt-tokenizer" | "js-tiktoken";

// gpt-tokenizer memoizes merges without bound by default (≈18 MB after a few MB
// of text); 10,000 entries keeps it near 3 MB in a browser tab or a Worker.
const MERGE_CACHE_SIZE = 10_000;

/** counts one encoding's tokens in a piece of text, before long runs are cut */
export type RawCount = (text: string) => number;
/** loads a library's counter for one encoding */
export type LibraryLoader = (encoding: Encoding) => Promise<RawCount>;

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

function bounded(raw: RawCount): CountTokens {
  return (text) => {
    if (typeof text !== "string" || text.length === 0) return 0;
    let tokens = 0;
    for (const piece of splitLongRuns(text)) tokens += raw(piece);
    return tokens;
  };
}

const loaded = new Map<string, Promise<CountTokens>>();

// Only gpt-tokenizer is reachable from here, so a build of an app that never
// chooses js-tiktoken emits none of its files; js-tiktoken.ts adds itself when
// the app imports it (see "@llmscope/core/tokens/js-tiktoken").
const libraries: Record<string, LibraryLoader> = { "gpt-tokenizer": loadGptTokenizer };

/** makes a library loadable by name; called by the module that imports it */
export function addTokenizerLibrary(name: TokenizerLibrary, load: LibraryLoader): void {
  libraries[name] = load;
}

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
  const load = libraries[library];
  if (!load) {
    return Promise.reject(new Error('loadTokenizer: js-tiktoken is not in this build: pass `tokenizer: jsTiktoken` from "@llmscope/core/tokens/js-tiktoken"'));
  }
  const key = `${library}:${encoding}`;
  let counter = loaded.get(key);
  if (!counter) {
    counter = load(encoding).then(bounded);
    // a failed import (offline chunk, CSP) must not stick: the next call retries
    counter.catch(() => loaded.delete(key));
    loaded.set(key, counter);
  }
  return counter;
}
