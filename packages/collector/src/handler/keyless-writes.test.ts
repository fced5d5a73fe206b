// A collector without keys (local development) takes writes from local tools
// and its own console, not from any page the developer visits nor through a
// rebound DNS name. Real HTTP on 127.0.0.1, both stores.
import { request as httpRequest } from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const batch = () => JSON.stringify({ v: 1, sentAt: Date.now(), calls: [makeCall()] });
const postAs = (headers: Record<string, string>) => fetch(`${s.url}/v1/calls`, { method: "POST", headers, body: batch() }).then((r) => r.status);

/** fetch will not set Host; node:http will */
function postWithHost(host: string): Promise<number> {
  const { port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/v1/calls", method: "POST", headers: { host, "content-type": "application/json" } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end(batch());
  });
}

describe.each(TEST_STORE_KINDS)("writes to a collector without keys (%s store)", (kind) => {
  it("come from local tools, the collector's own pages and allowed origins only", async () => {
    s = await startTestServer({ writeKeys: [], readKeys: [], cors: ["http://127.0.0.1:5173"] }, kind);
    expect(await postAs({})).toBe(200);
    expect(await postAs({ origin: s.url })).toBe(200);
    expect(await postAs({ origin: "http://127.0.0.1:5173" })).toBe(200);
    expect(await postAs({ origin: "https://evil.example" })).toBe(403);
    expect(await postWithHost("evil.example")).toBe(403);
    expect(await postWithHost(`localhost:${new URL(s.url).port}`)).toBe(200);
    expect(await s.store.count()).toBe(4);
    expect(s.collector.counters().rejectedByReason.keyless_write_refused).toBe(2);
  });

  it("are not restricted once a write key is set", async () => {
    s = await startTestServer({}, kind);
    expect(await postAs({ origin: "https://elsewhere.example", authorization: "Bearer wk_test_write" })).toBe(200);
  });
});
