import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeBody } from "./body-encoding.ts";
import { HttpError } from "./responses.ts";

const gzip = (data: string | Buffer) => new Uint8Array(gzipSync(data));

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const refusal = async (p: () => unknown) => {
  try {
    await p();
  } catch (err) {
    return err as HttpError;
  }
  throw new Error("not refused");
};

describe("decodeBody", () => {
  it("inflates gzip (and x-gzip), and hands a plain or identity body back as it is", async () => {
    const json = JSON.stringify({ v: 1, calls: [], note: "é".repeat(1000) });
    expect(text(await decodeBody(gzip(json), "gzip", 1 << 20))).toBe(json);
    expect(text(await decodeBody(gzip(json), " X-Gzip ", 1 << 20))).toBe(json);
    const plain = new TextEncoder().encode(json);
    expect(await decodeBody(plain, null, 10)).toBe(plain);
    expect(await decodeBody(plain, "identity", 10)).toBe(plain);
  });

  it("refuses a body that inflates past the cap with a 413", async () => {
    const bomb = gzip(Buffer.alloc(16 << 20));
    expect(bomb.length).toBeLessThan(20_000);
    const err = await refusal(() => decodeBody(bomb, "gzip", 1 << 20));
    expect(err.status).toBe(413);
    expect(err.message).toBe(`body inflates to more than ${1 << 20} bytes; send smaller batches`);
  });

  it("answers a body that is not gzip with a 400, and a coding it does not read with a 415 naming gzip", async () => {
    const broken = await refusal(() => decodeBody(new TextEncoder().encode('{"v":1}'), "gzip", 1 << 20));
    expect(broken.status).toBe(400);
    expect(broken.message).toBe("body is not valid gzip (Content-Encoding: gzip)");
    const cut = gzip("x".repeat(5000)).subarray(0, 20);
    expect((await refusal(() => decodeBody(cut, "gzip", 1 << 20))).status).toBe(400);
    const br = await refusal(() => decodeBody(new Uint8Array(4), "br", 1 << 20));
    expect(br.status).toBe(415);
    expect(br.headers).toEqual({ "accept-encoding": "gzip" });
  });
});
