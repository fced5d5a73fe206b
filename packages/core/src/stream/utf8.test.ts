import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length, utf8Prefix } from "./utf8.ts";

describe("utf8", () => {
  it("measures like TextEncoder and cuts on character boundaries", () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.nat(64), (text, max) => {
        expect(utf8Length(text)).toBe(enc.encode(text).length);
        const prefix = utf8Prefix(text, max);
        expect(text.startsWith(prefix)).toBe(true);
        expect(enc.encode(prefix).length).toBeLessThanOrEqual(max);
        // one more character would not have fitted
        if (prefix.length < text.length) expect(enc.encode(text.slice(0, prefix.length + (text.codePointAt(prefix.length)! > 0xffff ? 2 : 1))).length).toBeGreaterThan(max);
      }),
    );
  });
});
