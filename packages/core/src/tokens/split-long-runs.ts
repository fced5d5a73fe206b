// BPE in JavaScript is superlinear in the length of one pre-tokenized piece:
// a pasted 10,000-character word or a paragraph of Japanese without
// punctuation can take seconds to minutes. Pieces never span a change between
// letters, punctuation and whitespace, so only long runs of one class can grow
// large. Cutting such a run into slices bounds the work; each cut costs at most
// about one token, and only text that is already unusual is ever cut.

/** longest run of letters, punctuation or whitespace encoded in one go */
export const MAX_RUN = 64;

function longRunPattern(maxRun: number): RegExp {
  const n = maxRun + 1;
  return new RegExp(`[\\p{L}\\p{M}]{${n},}|[^\\s\\p{L}\\p{M}\\p{N}]{${n},}|\\s{${n},}`, "gu");
}

const DEFAULT_PATTERN = longRunPattern(MAX_RUN);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Text cut so that no run of one character class exceeds `maxRun`; joined, the pieces are the text. */
export function splitLongRuns(text: string, maxRun: number = MAX_RUN): string[] {
  if (!(maxRun >= 1)) throw new RangeError(`splitLongRuns: maxRun must be >= 1, got ${maxRun}`);
  const pattern = maxRun === MAX_RUN ? DEFAULT_PATTERN : longRunPattern(Math.floor(maxRun));
  pattern.lastIndex = 0;
  const pieces: string[] = [];
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    for (let cut = match.index + maxRun; cut < end; cut += maxRun) {
      // never separate the two halves of a surrogate pair
      if (isHighSurrogate(text.charCodeAt(cut - 1))) cut++;
      if (cut >= end) break;
      pieces.push(text.slice(from, cut));
      from = cut;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}
