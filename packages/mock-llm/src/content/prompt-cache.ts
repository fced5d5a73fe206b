// Providers cache long prompt prefixes: the first call writes them, repeats
// read them back. The mock remembers prompts it has seen so a repeated long
// prompt reports cached tokens, as the real APIs do.
const MAX_REMEMBERED = 1_000;

export interface CacheUse {
  /** tokens written to the cache by this call (first sight of a long prompt) */
  written: number;
  /** tokens served from the cache (a repeat) */
  read: number;
}

export interface PromptCache {
  lookup(key: string, inputTokens: number): CacheUse;
}

export function createPromptCache(minTokens = 1024, granularity = 128): PromptCache {
  const seen = new Set<string>();
  return {
    lookup(key, inputTokens) {
      if (inputTokens < minTokens) return { written: 0, read: 0 };
      const cacheable = Math.floor(inputTokens / granularity) * granularity;
      if (seen.has(key)) return { written: 0, read: cacheable };
      if (seen.size >= MAX_REMEMBERED) seen.delete(seen.values().next().value as string);
      seen.add(key);
      return { written: cacheable, read: 0 };
    },
  };
}
