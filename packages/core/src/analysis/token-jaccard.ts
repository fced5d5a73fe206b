// Words for scripts that space them; single characters for Chinese, Japanese
// and Korean, which do not, so a Japanese sentence is not one giant "word".
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;
const MAX_CHARS = 20_000;

/** the words of a text in order, lowercased (CJK by character); reads the first 20,000 chars */
export function wordList(text: string): string[] {
  return (typeof text === "string" ? text : "").slice(0, MAX_CHARS).toLowerCase().match(TOKEN) ?? [];
}

export function wordSet(text: string): Set<string> {
  return new Set(wordList(text));
}

/** Jaccard similarity (0..1) of the word sets of two texts; two texts without words are identical (1). */
export function tokenJaccard(a: string, b: string): number {
  return jaccardOfSets(wordSet(a), wordSet(b));
}

export function jaccardOfSets(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
