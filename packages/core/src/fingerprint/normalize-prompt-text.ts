// Requests rendered from one template differ only in the values poured into
// it. Replacing the usual kinds of value with placeholders makes those
// requests read the same. One pass, one pattern whose alternatives are, in
// the order of their placeholders: url (any scheme, or www.), email, date (ISO, with an optional time),
// time, id (uuids, hex digests and opaque ids such as "cus_N2x8Hk3L": words of
// 8+ with both letters and digits), str (a quotation; a single quote opens
// only where no letter precedes it, so "don't … it's" is not one), n (numbers).
// At each position the first alternative that matches wins, so the order
// matters: a URL holds numbers and may hold an email, a date holds numbers and
// looks like an id (nor does an id swallow a date it runs into, as in
// "build-2025-03-14"). Every repetition that can backtrack is bounded, so hostile
// text ("a-a-a-…", "1.1.1.…") stays linear. It runs on every call, so it is
// case-sensitive with both cases spelled out (the i flag with u doubles its
// time) and an email starts at a word boundary (not a scan for "@" from every
// character).
const ALTERNATIVES = {
  url: String.raw`\b((?:\w+:\/\/|[wW]{3}\.)[^\s"'<>\x60)\]}]+)`,
  email: String.raw`\b([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})`,
  date: String.raw`\b(\d{4}-\d\d-\d\d(?:[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[Zz]|[+-]\d\d:?\d\d)?)?)\b`,
  time: String.raw`\b(\d\d?:\d\d(?::\d\d)?)\b`,
  id: String.raw`\b((?=[\w-]{0,63}\d)(?=[\w-]{0,63}[a-zA-Z])(?![\w-]{0,63}-\d{4}-\d\d-\d\d\b)[\w-]{8,})\b`,
  str: String.raw`("[^"\n]{0,500}"|(?<![\p{L}\p{N}])'[^'\n]{0,500}'(?![\p{L}\p{N}])|“[^”\n]{0,500}”|「[^」\n]{0,500}」|\x60[^\x60\n]{0,500}\x60)`,
  n: String.raw`(\d+(?:[.,]\d+)*)`,
};
/** a group that never matches: an alternative left out keeps its place, so every other group is numbered as before */
const NEVER = "((?!))";
/**
 * The alternatives joined, the word boundary the first five open with taken
 * out in front of them (the same positions, checked once rather than five times).
 */
const valueSource = (without: { url?: boolean; email?: boolean } = {}): string => {
  const [url, email, date, time, id, str, n] = Object.entries(ALTERNATIVES).map(([name, source]) => (without[name as "url" | "email"] ? NEVER : source));
  const atWord = [url, email, date, time, id].map((source) => source!.replace(/^\\b/, ""));
  return `\\b(?:${atWord.join("|")})|${str}|${n}`;
};
const VALUE = new RegExp(valueSource(), "gu");

/** the placeholder of the one group that matched; named parameters, not a rest array: this runs per value on every call */
const placeholder = (_match: string, url?: string, email?: string, date?: string, time?: string, id?: string, str?: string): string =>
  url !== undefined ? "<url>" : email !== undefined ? "<email>" : date !== undefined ? "<date>" : time !== undefined ? "<time>" : id !== undefined ? "<id>" : str !== undefined ? "<str>" : "<n>";

/**
 * Whitespace runs read as one space. The same as replacing /\s+/ with " ",
 * but a lone plain space, by far the most common run, is not a match: a
 * prompt's hundreds of single spaces are not each replaced by themselves.
 */
const WHITESPACE = /\s\s+|[^\S ]/g;

// The url and email alternatives cost most of the pattern's time: at the
// start of every word they try each of its prefixes for a scheme or an "@".
// Neither can match in text that holds no "://" or "www." (in any case), or no
// "@": there the same pattern runs with that alternative unable to match,
// which gives the very same output at a fraction of the time.
const MAY_HOLD_URL = /:\/\/|[wW]{3}\./;
/** by [url possible][email possible] */
const patterns: (RegExp | undefined)[][] = [[undefined, undefined], [undefined, VALUE]];
const valuePattern = (url: boolean, email: boolean): RegExp =>
  (patterns[+url]![+email] ??= new RegExp(valueSource({ url: !url, email: !email }), "gu"));

/** Text with its variable parts (URLs, emails, ids, dates, times, quoted strings, numbers) replaced by placeholders. */
export function normalizePromptText(text: string): string {
  if (typeof text != "string") return "";
  const pattern = valuePattern(MAY_HOLD_URL.test(text), text.includes("@"));
  return text.replace(pattern, placeholder).replace(WHITESPACE, " ").trim();
}
