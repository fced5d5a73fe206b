import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CapturedHttp, LLMCall } from "../types.ts";
import { createTextCapture, utf8Size } from "./text-capture.ts";

describe("utf8Size", () => {
  // ASCII text takes a shortcut; every other text is counted character by character
  it.each(["grapheme", "binary-ascii"] as const)("measures %s text like TextEncoder and cuts on character boundaries", (unit) => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit }), fc.nat(64), (text, max) => {
        expect(utf8Size(text).bytes).toBe(enc.encode(text).length);
        const { bytes, fits } = utf8Size(text, max);
        expect(bytes).toBe(enc.encode(text).length);
        const prefix = text.slice(0, fits);
        expect(enc.encode(prefix).length).toBeLessThanOrEqual(max);
        // never half a surrogate pair
        expect(enc.encode(prefix).length).toBe(utf8Size(prefix).bytes);
        // one more character would not have fitted
        if (prefix.length < text.length) expect(enc.encode(text.slice(0, prefix.length + (text.codePointAt(prefix.length)! > 0xffff ? 2 : 1))).length).toBeGreaterThan(max);
      }),
    );
  });
});

describe("createTextCapture", () => {
  it("keeps what fits whole pieces or measured ones, counts every byte and flags a cut", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 6 }), fc.nat(40), fc.boolean(), (pieces, max, measured) => {
        const capture = createTextCapture(max);
        const enc = new TextEncoder();
        for (const p of pieces) capture.add(p, measured ? enc.encode(p).length : undefined);
        const http: CapturedHttp = { headers: {} };
        const call = {} as LLMCall;
        capture.into(http, call);
        const whole = pieces.join("");
        const size = enc.encode(whole).length;
        expect(http.bodyBytes).toBe(size);
        expect(whole.startsWith(http.body!)).toBe(true);
        expect(enc.encode(http.body).length).toBeLessThanOrEqual(max);
        expect(call.truncated).toBe(size > max ? true : undefined);
        if (size <= max) expect(http.body).toBe(whole);
      }),
    );
  });
});
