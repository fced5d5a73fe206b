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
/** the alternatives joined; sticky: it is tried at chosen positions only (see MARKS) */
const VALUE = new RegExp(Object.values(ALTERNATIVES).join("|"), "yu");
const KINDS = Object.keys(ALTERNATIVES);

/**
 * Whitespace runs read as one space. The same as replacing /\s+/ with " ",
 * but a lone plain space, by far the most common run, is not a match: a
 * prompt's hundreds of single spaces are not each replaced by themselves.
 */
const WHITESPACE = /\s\s+|[^\S ]/g;

/**
 * Every value holds a mark (a digit, an opening quote, "@", "://" or "www."),
 * and before its first mark only [\w.+-]. So the pattern is tried only from
 * the start of such a run up to each mark: the plain words between values,
 * most of a prompt, are passed over by one native scan for marks instead of
 * the whole pattern at each character (~4× faster on a support prompt, and
 * the URL and email alternatives, which try every prefix of a word, run only
 * there). The output is the pattern's. Text dense with quotes ("'x'x'x…")
 * is the slow case, about twice the whole pattern's time, linear still.
 */
const MARKS = /(["'“「`])|[\d@]|:\/\/|[wW]{3}\./g;
const LEADS_UP = /[\w.+-]/;

/** Text with its variable parts (URLs, emails, ids, dates, times, quoted strings, numbers) replaced by placeholders. */
export function normalizePromptText(text: string): string {
  if (typeof text != "string") return "";
  let out = "";
  // copied up to `kept`; no value starts before `from`
  let kept = 0;
  let from = 0;
  MARKS.lastIndex = 0;
  for (let mark; (mark = MARKS.exec(text)); ) {
    const at = mark.index;
    let start = at;
    // a quotation starts at its quote; only a value read up to a digit, "@" or a URL's mark may start before it
    if (!mark[1]) while (start > from && LEADS_UP.test(text[start - 1]!)) start--;
    let value: RegExpExecArray | null = null;
    while (start <= at && !value) {
      VALUE.lastIndex = start++;
      value = VALUE.exec(text);
    }
    if (!value) {
      MARKS.lastIndex = from = at + 1;
      continue;
    }
    // each alternative is one group around all it matches: the group holding the whole match names the kind
    out += text.slice(kept, value.index) + `<${KINDS[value.indexOf(value[0], 1) - 1]}>`;
    MARKS.lastIndex = from = kept = VALUE.lastIndex;
  }
  return (out + text.slice(kept)).replace(WHITESPACE, " ").trim();
}
