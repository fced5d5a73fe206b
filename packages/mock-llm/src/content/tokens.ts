// Token counts only need to scale like a real tokenizer's: ~4 characters per
// token for Latin text and ~1 token per CJK character.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.length - cjk;
  return cjk + Math.ceil(rest / 4);
}

const CJK_ONE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** Split text into token-sized pieces whose concatenation is the text again. */
export function splitIntoPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const match of text.matchAll(/\s*\S+|\s+$/g)) {
    const word = match[0];
    if (!CJK_ONE.test(word)) {
      pieces.push(word);
      continue;
    }
    // CJK has no spaces: stream it two characters at a time, as real tokenizers roughly do.
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i += 2) pieces.push(chars.slice(i, i + 2).join(""));
  }
  return pieces;
}

/** The longest prefix of pieces that stays within maxTokens. */
export function capPieces(pieces: string[], maxTokens: number | undefined): { pieces: string[]; capped: boolean } {
  if (maxTokens === undefined || !(maxTokens >= 0)) return { pieces, capped: false };
  const kept: string[] = [];
  let text = "";
  for (const piece of pieces) {
    if (estimateTokens(text + piece) > maxTokens) return { pieces: kept, capped: true };
    kept.push(piece);
    text += piece;
  }
  return { pieces: kept, capped: false };
}
