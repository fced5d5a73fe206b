import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";

const CALLS = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `c${i}`, prompt: { text: "Say hi ünïcode ".repeat(20) } }));
const BODY = `{"v":1,"calls":[${CALLS.join(",")}]}`;
/** BODY as the beacon hands it over: the envelope's head, each call and a comma, the tail */
const PARTS = ['{"v":1,"calls":[', ...CALLS.flatMap((c) => [c, ","]).slice(0, -1), "]}"];
const inflate = async (zipped: ArrayBuffer | Uint8Array) => new Response(new Blob([zipped as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
/** a gzip member's XFL byte: 4 when written by the fastest level, 0 by the default one */
const xfl = (zipped: ArrayBuffer | Uint8Array) => new Uint8Array(zipped instanceof Uint8Array ? zipped : new Uint8Array(zipped))[8];

describe("a body's pieces as UTF-8", () => {
  // a beacon's pieces are whole JSON texts, which JSON.stringify keeps well formed (a lone surrogate is escaped)
  it("are the bytes of their join, whatever characters they hold (ASCII, accents, CJK, emoji, one piece wider than the rest)", async () => {
    const { utf8Of } = await import("./gzip-body.ts");
    const piece = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("", "é", "中文", "😀")).filter((p) => !/[\ud800-\udfff]/.test(p.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        expect(utf8Of(parts)).toEqual(new TextEncoder().encode(parts.join("")));
      }),
      { numRuns: 300 },
    );
  });
});

describe("a beacon body gzipped", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("goes through the runtime's own zlib at its fastest level where Node lends it, and inflates to the very text", async () => {
    const { gzip, acceptsGzip } = await import("./gzip-body.ts");
    const zipped = await gzip(PARTS);
    expect(await inflate(zipped)).toBe(BODY);
    expect(xfl(zipped)).toBe(4);
    expect(zipped.byteLength).toBeLessThan(BODY.length / 10);
    expect(acceptsGzip(new Headers({ "accept-encoding": "br, gzip" }))).toBe(true);
  });

  it("uses CompressionStream where the runtime lends no zlib", async () => {
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    const { gzip, acceptsGzip } = await import("./gzip-body.ts");
    const zipped = await gzip(PARTS);
    expect(await inflate(zipped)).toBe(BODY);
    expect(xfl(zipped)).not.toBe(4);
    expect(acceptsGzip(new Headers({ "accept-encoding": "gzip" }))).toBe(true);
    expect(acceptsGzip(new Headers({ "accept-encoding": "br" }))).toBe(false);
  });
});
