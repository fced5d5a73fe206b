// 64-bit FNV-1a over UTF-16 code units, in four 16-bit limbs: every product
// and carry stays a small integer, so the loop never leaves int32 arithmetic
// (two 32-bit halves needed a float multiply and a division per character,
// 2–5× slower; BigInt would be ~20× slower). Stable across runtimes:
// fingerprints are stored and compared across sessions.

/** the hash of the texts one after another, as of their concatenation, without building it */
export function fnv1a64(...texts: string[]): string {
  // the offset basis 0xcbf29ce484222325, lowest limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const text of texts)
    for (let i = 0; i < text.length; i++) {
      // a code unit is at most 16 bits: it touches the lowest limb only
      h0 ^= text.charCodeAt(i);
      // times the FNV prime 2^40 + 0x1b3 (435): each limb times 435, plus the
      // hash shifted left by 40 bits (h0 and h1, 8 bits up, land in limbs 2 and 3)
      const t0 = h0 * 435;
      const t1 = h1 * 435 + (t0 >>> 16);
      const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * 435 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
    }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, "0")).join("");
}
