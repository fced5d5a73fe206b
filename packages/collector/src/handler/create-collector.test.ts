import { afterAll, afterEach, describe, expect, it } from "vitest";
import { READ_KEY, dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, WRITE_KEY, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const batch = () => JSON.stringify({ v: 1, sentAt: Date.now(), calls: [makeCall()] });

describe.each(TEST_STORE_KINDS)("collector access control (%s store)", (kind) => {
  it("needs the write key to ingest and the read key to query", async () => {
    s = await startTestServer({}, kind);
    const noKey = await fetch(`${s.url}/v1/calls`, { method: "POST", body: batch() });
    expect(noKey.status).toBe(401);
    const wrong = await fetch(`${s.url}/v1/calls`, { method: "POST", headers: { authorization: "Bearer nope" }, body: batch() });
    expect(wrong.status).toBe(401);
    const readKeyCannotWrite = await fetch(`${s.url}/v1/calls`, { method: "POST", headers: { authorization: `Bearer ${READ_KEY}` }, body: batch() });
    expect(readKeyCannotWrite.status).toBe(401);
    expect(await s.store.count()).toBe(0);
    expect((await fetch(`${s.url}/v1/calls`)).status).toBe(401);
    const writeKeyCannotRead = await fetch(`${s.url}/v1/stats`, { headers: { "x-llmscope-key": WRITE_KEY } });
    expect(writeKeyCannotRead.status).toBe(401);
    expect((await s.get("/v1/stats")).status).toBe(200);
    expect(s.collector.counters().rejectedByReason.unauthorized).toBe(5);
  });

  it("answers preflight and echoes only allowed origins", async () => {
    s = await startTestServer({ cors: ["https://app.example"] }, kind);
    const ok = await fetch(`${s.url}/v1/calls`, { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "POST" } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(ok.headers.get("access-control-allow-headers")).toContain("x-llmscope-key");
    // PUT /v1/references is called from the console in a browser too
    expect(ok.headers.get("access-control-allow-methods")?.split(", ")).toEqual(["GET", "POST", "PUT", "OPTIONS"]);
    const denied = await fetch(`${s.url}/v1/calls`, { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    expect(denied.status).toBe(403);
    const post = await fetch(`${s.url}/v1/calls`, { method: "POST", headers: { origin: "https://app.example", "x-llmscope-key": WRITE_KEY }, body: batch() });
    expect(post.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const other = await fetch(`${s.url}/v1/calls`, { method: "POST", headers: { origin: "https://evil.example", "x-llmscope-key": WRITE_KEY }, body: batch() });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("rate-limits per key with 429 and retry-after", async () => {
    // a clock that stands still, so a slow machine refills no bucket between requests
    const at = Date.now();
    s = await startTestServer({ limits: { rateLimit: { perSecond: 0.5, burst: 2 } }, now: () => at }, kind);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await s.post("/v1/calls", batch())).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await s.post("/v1/calls", batch());
    expect(limited.headers.get("retry-after")).toBe("2");
    // another key has its own bucket
    expect((await s.get("/v1/alerts")).status).toBe(200);
    expect(s.collector.counters().rejectedByReason.rate_limited).toBe(2);
  });

  it("reports unknown paths and wrong methods, and shows counters at /v1/health", async () => {
    s = await startTestServer({}, kind);
    expect((await s.get("/v2/everything")).status).toBe(404);
    expect((await s.get("/v1/feedback")).status).toBe(405);
    expect((await s.post("/v1/stats", {})).status).toBe(405);
    await s.post("/v1/calls", batch());
    const health = await (await s.get("/v1/health")).json();
    expect(health).toMatchObject({ ok: true, calls: 1, counters: { callsInserted: 1 } });
  });
});
