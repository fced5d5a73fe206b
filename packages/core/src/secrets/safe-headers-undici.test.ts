import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeHeaders as safeHeadersOfAny } from "./index.ts";
import { safeHeaders, sortedEntries } from "./safe-headers-undici.ts";

const NAMES = ["Content-Type", "accept", "Authorization", "x-api-key", "set-cookie", "Set-Cookie", "x-request-id", "X-RateLimit-Remaining-Tokens", "cookie", "user-agent", "a", "z-last"];
const headerPairs = fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.stringMatching(/^[ -~]{0,12}$/).map((v) => v.trim())), { maxLength: 16 });
const headersOf = (pairs: [string, string][]) => {
  const headers = new Headers();
  for (const [name, value] of pairs) headers.append(name, value);
  return headers;
};

describe("safeHeaders on Node's own Headers", () => {
  it("gives what iterating them gives, in the same order: names lower-cased, values combined, set-cookie apart, credentials left out", () => {
    fc.assert(
      fc.property(headerPairs, (pairs) => {
        const kept = safeHeaders(headersOf(pairs));
        expect(Object.entries(kept)).toEqual(Object.entries(safeHeadersOfAny(headersOf(pairs))));
        expect(Object.keys(kept).some((name) => /auth|key|cookie/.test(name) && name !== "x-ratelimit-remaining-tokens")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("reads them without their iterator, and sees a change made after a read", () => {
    const headers = headersOf([["B", "2"], ["a", "1"], ["authorization", "Bearer sk-1"]]);
    Object.defineProperty(headers, Symbol.iterator, { value: () => { throw new Error("iterated"); } });
    expect(safeHeaders(headers)).toEqual({ a: "1", b: "2" });
    headers.set("c", "3");
    expect(Object.entries(safeHeaders(headers))).toEqual([["a", "1"], ["b", "2"], ["c", "3"]]);
  });

  it("leaves a record, pairs and a look-alike of Headers to be read as given", () => {
    expect(sortedEntries({ "X-A": "1" })).toBeUndefined();
    expect(sortedEntries([["x-a", "1"]])).toBeUndefined();
    expect(sortedEntries(Object.create(Headers.prototype) as Headers)).toBeUndefined();
    expect(sortedEntries(undefined)).toBeUndefined();
    expect(safeHeaders({ "X-A": "1", "x-api-key": "k" })).toEqual({ "x-a": "1" });
    expect(safeHeaders([["X-B", "2"]])).toEqual({ "x-b": "2" });
  });
});
