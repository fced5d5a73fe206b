// Requests rendered from one template differ only in the values poured into
// it. Replacing the usual kinds of value with placeholders makes those
// requests read the same; the order matters (a URL holds numbers and may hold
// an email, a date holds numbers). Every repetition that can backtrack is
// bounded, so hostile text ("a-a-a-…", "1.1.1.…") stays linear.
const RULES: [RegExp, string][] = [
  [/\b(?:https?|wss?|ftp):\/\/[^\s"'<>`)\]}]+|\bwww\.[^\s"'<>`)\]}]+/gi, "<url>"],
  [/[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g, "<email>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<id>"],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, "<date>"],
  [/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, "<time>"],
  // hex digests and opaque ids such as "cus_N2x8Hk3L": long words with both letters and digits
  [/\b(?=[\w-]{0,63}\d)(?=[\w-]{0,63}[a-z])[\w-]{8,}\b/gi, "<id>"],
  // a single quote opens only where no letter precedes it, so "don't … it's" is not a quotation
  [/"[^"\n]{0,500}"|(?<![\p{L}\p{N}])'[^'\n]{0,500}'(?![\p{L}\p{N}])|“[^”\n]{0,500}”|「[^」\n]{0,500}」|`[^`\n]{0,500}`/gu, "<str>"],
  [/\d+(?:[.,]\d+)*/g, "<n>"],
  [/\s+/g, " "],
];

/** Text with its variable parts (URLs, emails, ids, dates, times, quoted strings, numbers) replaced by placeholders. */
export function normalizePromptText(text: string): string {
  if (typeof text !== "string") return "";
  let normalized = text;
  for (const [pattern, placeholder] of RULES) normalized = normalized.replace(pattern, placeholder);
  return normalized.trim();
}
