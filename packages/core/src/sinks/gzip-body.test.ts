import { afterEach, describe, expect, it, vi } from "vitest";

const BODY = `{"v":1,"calls":[${Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `c${i}`, prompt: { text: "Say hi ünïcode ".repeat(20) } })).join(",")}]}`;
const inflate = async (zipped: ArrayBuffer | Uint8Array) => new Response(new Blob([zipped as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
/** a gzip member's XFL byte: 4 when written by the fastest level, 0 by the default one */
const xfl = (zipped: ArrayBuffer | Uint8Array) => new Uint8Array(zipped instanceof Uint8Array ? zipped : new Uint8Array(zipped))[8];

describe("a beacon body gzipped", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("goes through the runtime's own zlib at its fastest level where Node lends it, and inflates to the very text", async () => {
    const { gzip, acceptsGzip } = await import("./gzip-body.ts");
    const zipped = await gzip(BODY);
    expect(await inflate(zipped)).toBe(BODY);
    expect(xfl(zipped)).toBe(4);
    expect(zipped.byteLength).toBeLessThan(BODY.length / 10);
    expect(acceptsGzip(new Headers({ "accept-encoding": "br, gzip" }))).toBe(true);
  });

  it("uses CompressionStream where the runtime lends no zlib", async () => {
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    const { gzip, acceptsGzip } = await import("./gzip-body.ts");
    const zipped = await gzip(BODY);
    expect(await inflate(zipped)).toBe(BODY);
    expect(xfl(zipped)).not.toBe(4);
    expect(acceptsGzip(new Headers({ "accept-encoding": "gzip" }))).toBe(true);
    expect(acceptsGzip(new Headers({ "accept-encoding": "br" }))).toBe(false);
  });
});
