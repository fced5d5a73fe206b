// 64-bit FNV-1a over UTF-16 code units, in two 32-bit halves whose products
// stay exact in a double (BigInt would be ~20× slower). Stable across
// runtimes: fingerprints are stored and compared across sessions.
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // multiply by the FNV prime 2^40 + 0x1b3: the low half's product carries into the high half
    const low = (lo >>> 0) * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + Math.floor(low / 2 ** 32)) | 0;
    lo = low >>> 0;
  }
  return [hi, lo].map((half) => (half >>> 0).toString(16).padStart(8, "0")).join("");
}
