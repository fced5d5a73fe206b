// Near-identical prompts (same template, different numbers, ids, dates or
// spacing) should land in one bucket, so the text is normalized before it is
// hashed. Kept here rather than imported so the store has no runtime
// dependency on the recorder package.

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const EMAIL = /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/g;
const HEX = /\b[0-9a-f]{16,}\b/g;
const NUMBER = /\d+(?:[.,:/-]\d+)*/g;
const SPACE = /\s+/g;

export function normalizePrompt(text: string): string {
  return text
    .toLowerCase()
    .replace(UUID, "<id>")
    .replace(EMAIL, "<email>")
    .replace(HEX, "<hex>")
    .replace(NUMBER, "<n>")
    .replace(SPACE, " ")
    .trim();
}

/** two 32-bit FNV-1a passes with different offsets, 16 hex chars: stable across runtimes, no crypto, no BigInt */
export function fnv1a64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

export function promptHash(text: string): string {
  return fnv1a64(normalizePrompt(text));
}
