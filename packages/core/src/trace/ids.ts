// W3C Trace Context ids: a trace id is 16 random bytes, a span (step) id 8,
// both lowercase hex and never all zeros. Random bytes are drawn in blocks:
// one getRandomValues call costs several µs, more than the rest of a step.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const BLOCK = 2048;

let pool = new Uint8Array(0);
let next = 0;

export function randomHex(bytes: number): string {
  if (next + bytes > pool.length) {
    pool = new Uint8Array(BLOCK);
    const crypto = globalThis.crypto;
    if (crypto?.getRandomValues) crypto.getRandomValues(pool);
    else for (let i = 0; i < BLOCK; i++) pool[i] = (Math.random() * 256) | 0;
    next = 0;
  }
  let out = "";
  let zero = true;
  for (const end = next + bytes; next < end; next++) {
    out += HEX[pool[next]!];
    zero &&= !pool[next];
  }
  // all zeros is the invalid id; one set bit makes it valid
  return zero ? `${out.slice(0, -1)}1` : out;
}

export const traceId = (): string => randomHex(16);
export const spanId = (): string => randomHex(8);
