// Compressed batches over real HTTP: what a gzip envelope stores is what the
// same envelope sent plain stores, and every refusal is counted.
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { startTestServer, WRITE_KEY, type TestServer } from "../testing/test-server.ts";

let s: TestServer;
afterEach(() => s.close());

const envelope = (calls: unknown[]) => JSON.stringify({ v: 1, sentAt: Date.now(), calls });
const postGzip = (body: Uint8Array<ArrayBuffer>, encoding = "gzip") =>
  fetch(`${s.url}/v1/calls`, { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8", "content-encoding": encoding, "x-llmscope-key": WRITE_KEY }, body });

describe("POST /v1/calls with Content-Encoding: gzip", () => {
  it("stores a compressed call exactly as the same call sent plain, and says on every answer that it reads gzip", async () => {
    s = await startTestServer();
    const plain = makeCall({ promptText: "Où est ma commande ? 🙂" });
    const zipped = { ...plain, id: `${plain.id}-gz` };
    const a = await s.post("/v1/calls", envelope([plain]));
    const b = await postGzip(new Uint8Array(gzipSync(envelope([zipped]))));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.json()).toMatchObject({ accepted: 1, inserted: 1 });
    expect(a.headers.get("accept-encoding")).toBe("gzip");
    expect(b.headers.get("accept-encoding")).toBe("gzip");
    expect((await s.get("/v1/health")).headers.get("accept-encoding")).toBe("gzip");
    const stored = async (id: string) => (await s.get(`/v1/calls/${id}`)).json();
    const [one, two] = [await stored(plain.id), await stored(zipped.id)];
    expect(two).toEqual({ ...one, id: zipped.id });
  });

  it("refuses a gzip bomb with a 413 and a body that is not gzip with a 400, and a coding it does not read with a 415, storing nothing and counting each", async () => {
    s = await startTestServer({ limits: { maxBodyBytes: 64 * 1024 } });
    // 8 KiB on the wire, 8 MiB of JSON-looking text once inflated
    const bomb = new Uint8Array(gzipSync(Buffer.from(`{"v":1,"sentAt":1,"calls":["${"a".repeat(8 << 20)}"]}`)));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const big = await postGzip(bomb);
    expect(big.status).toBe(413);
    expect((await big.json()).error).toBe(`body inflates to more than ${64 * 1024} bytes; send smaller batches`);
    const bad = await postGzip(new TextEncoder().encode(envelope([makeCall()])));
    expect(bad.status).toBe(400);
    const br = await postGzip(new Uint8Array(gzipSync(envelope([makeCall()]))), "br");
    expect(br.status).toBe(415);
    expect(br.headers.get("accept-encoding")).toBe("gzip");
    expect(await s.store.count()).toBe(0);
    expect(s.collector.counters().rejectedByReason).toEqual({ body_too_large: 1, invalid: 1, unsupported_encoding: 1 });
  });
});
