// UTF-16 that can be written as UTF-8: a lone surrogate has no UTF-8 form, so
// PostgreSQL refuses it and SQLite stores bytes that are not UTF-8 at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const hasLoneSurrogate = (s: string): boolean => {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(s);
};

/** lone surrogates replaced by U+FFFD, as a UTF-8 encoder would */
export const wellFormed = (s: string): string => (hasLoneSurrogate(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s);

/** the first max UTF-16 units, one fewer when the cut would split a surrogate pair */
export function cutOnCodePoint(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
