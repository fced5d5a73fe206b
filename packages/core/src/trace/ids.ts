// W3C Trace Context ids: a trace id is 16 random bytes, a span (step) id 8,
// both lowercase hex and never all zeros.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(b);
  else for (let i = 0; i < bytes; i++) b[i] = (Math.random() * 256) | 0;
  // all zeros is the invalid id; one set bit makes it valid
  b[bytes - 1] ||= 1;
  let out = "";
  for (const x of b) out += HEX[x];
  return out;
}

export const traceId = (): string => randomHex(16);
export const spanId = (): string => randomHex(8);
