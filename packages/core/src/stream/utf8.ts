// Byte arithmetic on strings without encoding them: the body cap is in bytes,
// and encoding a whole body just to measure it would cost a copy per call.

export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // a surrogate pair: 4 bytes for 2 code units
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** the longest prefix of text that fits in maxBytes of UTF-8, never splitting a character */
export function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes > maxBytes) return text.slice(0, i);
    if (pair) i++;
  }
  return text;
}
