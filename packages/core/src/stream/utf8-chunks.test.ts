import { describe, expect, it } from "vitest";
import { chunkDecoder } from "./utf8-chunks.ts";

const STREAM = { stream: true };
/** the body cut at every given offset, decoded chunk by chunk, then ended */
const decodeCut = (decoder: Pick<TextDecoder, "decode">, bytes: Uint8Array, cuts: number[]) => {
  let text = "";
  let from = 0;
  for (const to of [...cuts, bytes.length]) text += decoder.decode(bytes.subarray(from, (from = Math.max(from, to))), STREAM);
  return text + decoder.decode();
};

describe("chunkDecoder", () => {
  const samples = [
    "data: plain ASCII\n\n",
    "\uFEFFdata: a BOM first, dropped as TextDecoder drops it\n\n",
    "data: x\uFEFF then a BOM inside, kept\n\n",
    "data: héllo wörld — 🙂 日本語 end\n\n",
    "🙂🙂🙂 ends in a multibyte character 🙂",
  ];
  it("gives what a streaming TextDecoder gives for every way the bytes are cut", () => {
    for (const sample of samples) {
      const bytes = new TextEncoder().encode(sample);
      // every single cut, and every pair of cuts, including empty chunks
      for (let a = 0; a <= bytes.length; a++)
        for (let b = a; b <= bytes.length; b += 3) expect(decodeCut(chunkDecoder(), bytes, [a, b])).toBe(decodeCut(new TextDecoder(), bytes, [a, b]));
    }
  });

  it("gives the replacement characters TextDecoder gives for malformed bytes, across chunks", () => {
    const bytes = Uint8Array.from([0x61, 0xf0, 0x9f, 0x62, 0xc3, 0x0a, 0x80, 0x80, 0x63, 0xe6, 0x97]);
    for (let a = 0; a <= bytes.length; a++)
      for (let b = a; b <= bytes.length; b++) expect(decodeCut(chunkDecoder(), bytes, [a, b])).toBe(decodeCut(new TextDecoder(), bytes, [a, b]));
  });
});
