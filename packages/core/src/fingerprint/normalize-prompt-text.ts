// Requests rendered from one template differ only in the values poured into
// it. Replacing the usual kinds of value with placeholders makes those
// requests read the same. One pass, one pattern whose alternatives are named
// after their placeholders: url (any scheme, or www.), email, date (ISO, with an optional time),
// time, id (uuids, hex digests and opaque ids such as "cus_N2x8Hk3L": words of
// 8+ with both letters and digits), str (a quotation; a single quote opens
// only where no letter precedes it, so "don't … it's" is not one), n (numbers).
// At each position the first alternative that matches wins, so the order
// matters: a URL holds numbers and may hold an email, a date holds numbers and
// looks like an id (nor does an id swallow a date it runs into, as in
// "build-2025-03-14"). Every repetition that can backtrack is bounded, so hostile
// text ("a-a-a-…", "1.1.1.…") stays linear.
const VALUE =
  /\b(?<url>(?:\w+:\/\/|www\.)[^\s"'<>`)\]}]+)|(?<email>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})|\b(?<date>\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?)\b|\b(?<time>\d\d?:\d\d(?::\d\d)?)\b|\b(?<id>(?=[\w-]{0,63}\d)(?=[\w-]{0,63}[a-z])(?![\w-]{0,63}-\d{4}-\d\d-\d\d\b)[\w-]{8,})\b|(?<str>"[^"\n]{0,500}"|(?<![\p{L}\p{N}])'[^'\n]{0,500}'(?![\p{L}\p{N}])|“[^”\n]{0,500}”|「[^」\n]{0,500}」|`[^`\n]{0,500}`)|(?<n>\d+(?:[.,]\d+)*)/giu;

/** Text with its variable parts (URLs, emails, ids, dates, times, quoted strings, numbers) replaced by placeholders. */
export function normalizePromptText(text: string): string {
  if (typeof text != "string") return "";
  return text
    .replace(VALUE, (...match) => {
      // the last argument holds the named groups; exactly one of them matched
      const groups: Record<string, string | undefined> = match.at(-1);
      return `<${Object.keys(groups).find((name) => groups[name] !== undefined)}>`;
    })
    .replace(/\s+/g, " ")
    .trim();
}
