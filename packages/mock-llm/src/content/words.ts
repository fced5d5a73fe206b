// The topic words of a text: what the canned answers echo and what the mock's
// embeddings are made of, so an answer relates to its question and a search
// finds the documents that share its words.

// Function words carry no topic (the same idea as core's relevance heuristic,
// kept here so the mock depends on nothing).
const STOPWORDS = new Set(
  ("a an the and or but if then so of to in on at by for with from as is are was were be been being do does did " +
    "have has had i you he she it we they me my your our their this that these those what which who whom whose " +
    "when where why how can could should would will shall may might must not no yes please tell give show explain " +
    "about into than there here its it's just also any some all more most very").split(" "),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu;
const CJK_RUN = /^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+$/;

/** lowercase, and a plural or verb "s" dropped, so "capitals" matches "capital" */
export const stem = (word: string): string => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);

/** Content words in order of first use, stemmed; CJK runs (no spaces) become character pairs. */
export function topicWords(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (CJK_RUN.test(word)) {
      const chars = Array.from(word);
      for (let i = 0; i + 1 < chars.length; i++) seen.add(chars[i]! + chars[i + 1]!);
      if (chars.length === 1) seen.add(word);
    } else if (!STOPWORDS.has(word)) seen.add(stem(word));
  }
  return [...seen];
}
