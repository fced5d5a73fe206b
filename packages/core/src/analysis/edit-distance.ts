// Levenshtein distance is quadratic: compare prefixes only, so one call costs
// at most ~4M cell updates.
export const MAX_EDIT_CHARS = 2_000;

/** Levenshtein distance divided by the longer length: 0 identical, 1 nothing in common. Reads the first 2,000 chars. */
export function normalizedEditDistance(a: string, b: string): number {
  const s = (a ?? "").slice(0, MAX_EDIT_CHARS);
  const t = (b ?? "").slice(0, MAX_EDIT_CHARS);
  const longer = Math.max(s.length, t.length);
  if (longer === 0) return 0;
  let previous = new Int32Array(t.length + 1);
  let current = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    const c = s.charCodeAt(i - 1);
    for (let j = 1; j <= t.length; j++) {
      const substitute = previous[j - 1]! + (c === t.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[t.length]! / longer;
}
