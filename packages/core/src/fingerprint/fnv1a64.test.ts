import { describe, expect, it } from "vitest";
import { fnv1a64 } from "./fnv1a64.ts";

// The textbook algorithm in BigInt, over UTF-16 code units like the fast version.
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64 test vectors for ASCII", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("matches a BigInt reference on mixed text", () => {
    for (const text of ["hello world", "日本語のテキスト", "emoji 😀 and \u0000 nul", "x".repeat(1000)]) {
      expect(fnv1a64(text)).toBe(reference(text));
    }
  });

  it("matches the reference on pseudo-random text of every code unit range", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 300; n++) {
      const text = String.fromCharCode(...Array.from({ length: next() % 40 }, () => next() % 0x10000));
      expect(fnv1a64(text)).toBe(reference(text));
    }
  });

  it("matches the reference over a long text, where every limb has carried many times", () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const text = Array.from({ length: 20 }, () => String.fromCharCode(...Array.from({ length: 500 }, () => next() % 0x10000))).join("");
    expect(fnv1a64(text)).toBe(reference(text));
  });

  it("hashes texts given in pieces as their concatenation", () => {
    expect(fnv1a64("foo", "", "bar")).toBe(fnv1a64("foobar"));
    // a surrogate pair cut between pieces: code units, as the reference reads them
    expect(fnv1a64("日本 a\ud83d", "\ude00b")).toBe(reference("日本 a😀b"));
    expect(fnv1a64()).toBe(fnv1a64(""));
  });

  it("always gives 16 hex characters", () => {
    expect(fnv1a64("z")).toMatch(/^[0-9a-f]{16}$/);
  });
});
