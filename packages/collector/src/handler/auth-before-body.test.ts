// A client without a valid key must not make the server hold its upload: the
// key is checked on the headers before the body is read, keyless bodies are
// bounded in number and in time, and keyless requests are rate-limited by
// address. Over real HTTP on 127.0.0.1, on both stores.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, READ_KEY, startTestServer, TEST_STORE_KINDS, WRITE_KEY, type TestServer } from "../testing/test-server.ts";
import { stalledRequest, type StalledRequest } from "../testing/raw-http.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
const open: StalledRequest[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) r.socket.destroy();
  await s.close();
});
afterAll(() => dropPostgresTestDatabase());

const MiB = 1024 * 1024;

describe.each(TEST_STORE_KINDS)("a client without a valid key (%s store)", (kind) => {
  it("is refused on its headers while its body is still on the way", async () => {
    s = await startTestServer({}, kind);
    for (const [method, path, key] of [["POST", "/v1/calls", "wrong"], ["POST", "/v1/feedback", READ_KEY], ["POST", "/v1/estimate", WRITE_KEY], ["PUT", "/v1/references/p1", WRITE_KEY]] as const) {
      const req = stalledRequest(s.url, method, path, { authorization: `Bearer ${key}` }, MiB, 1000);
      open.push(req);
      const res = await req.response;
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(JSON.parse(res.text).error).toMatch(/valid (read|write) key/);
    }
  });

  it("cannot hold more than a few keyless bodies at once: the next is answered 503 at once", async () => {
    s = await startTestServer({ writeKeys: [WRITE_KEY], limits: { maxKeylessBodies: 3 } }, kind);
    const held = Array.from({ length: 3 }, () => stalledRequest(s.url, "POST", "/v1/calls", { "content-type": "text/plain" }, MiB, 64 * 1024));
    open.push(...held);
    // the three are being read: wait until the server has taken their first bytes
    await new Promise((r) => setTimeout(r, 300));
    const fourth = stalledRequest(s.url, "POST", "/v1/calls", { "content-type": "text/plain" }, MiB, 1000);
    open.push(fourth);
    const res = await fourth.response;
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).error).toMatch(/3 requests without a key/);
    // a keyed request is not held up by them
    expect((await s.post("/v1/calls", { v: 1, sentAt: 0, calls: [makeCall()] })).status).toBe(200);
    expect(s.collector.counters().rejectedByReason.keyless_bodies_busy).toBe(1);
  });

  it("gets 408 when its body does not arrive in time", async () => {
    s = await startTestServer({ writeKeys: [WRITE_KEY], limits: { bodyTimeoutMs: 400 } }, kind);
    const req = stalledRequest(s.url, "POST", "/v1/calls", { "content-type": "text/plain" }, 5000, 100);
    open.push(req);
    const res = await req.response;
    expect(res.status).toBe(408);
    expect(JSON.parse(res.text).error).toMatch(/did not arrive within 0.4s/);
    expect(s.collector.counters().rejectedByReason.body_timeout).toBe(1);
  });

  it("is rate-limited by address, and keyed clients keep their own buckets", async () => {
    // a clock that stands still, so a slow machine refills no bucket between requests
    const at = Date.now();
    s = await startTestServer({ limits: { rateLimit: { perSecond: 0.5, burst: 2 } }, now: () => at }, kind);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${s.url}/v1/calls`, { method: "POST", body: JSON.stringify({ v: 1, sentAt: 0, calls: [] }) });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
    expect((await s.post("/v1/calls", { v: 1, sentAt: 0, calls: [makeCall()] })).status).toBe(200);
    expect(s.collector.counters().rejectedByReason.rate_limited).toBe(1);
  });
});
