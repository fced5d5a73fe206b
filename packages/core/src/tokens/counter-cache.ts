// One token counter per library and encoding, built once: long unbroken runs
// are cut before encoding (a count stays within a few milliseconds per KB
// whatever the text), and a failed load (an offline chunk, a CSP) is retried
// by the next call rather than remembered.
import { splitLongRuns } from "./split-long-runs.ts";

/** The one-function interface the rest of llmscope counts tokens through. */
export type CountTokens = (text: string) => number;

/** counts one encoding's tokens in a piece of text, before long runs are cut */
export type RawCount = (text: string) => number;

function bounded(raw: RawCount): CountTokens {
  return (text) => {
    if (typeof text !== "string" || text.length === 0) return 0;
    let tokens = 0;
    for (const piece of splitLongRuns(text)) tokens += raw(piece);
    return tokens;
  };
}

const loaded = new Map<string, Promise<CountTokens>>();

/** the counter kept under key, loaded by load the first time */
export function cachedCounter(key: string, load: () => Promise<RawCount>): Promise<CountTokens> {
  let counter = loaded.get(key);
  if (!counter) {
    counter = load().then(bounded);
    counter.catch(() => loaded.delete(key));
    loaded.set(key, counter);
  }
  return counter;
}
