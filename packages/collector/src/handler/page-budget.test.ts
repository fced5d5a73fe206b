// GET /v1/calls over large calls: one answer stays within its budget and the
// cursor carries the client through every call. Real HTTP, both stores.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("GET /v1/calls answer size (%s store)", (kind) => {
  it("stops a page at the budget and pages on through every call", async () => {
    s = await startTestServer({ limits: { maxAnswerChars: 300_000 } }, kind);
    const t = Date.UTC(2026, 2, 4, 14);
    // twelve calls of about 100,000 characters each
    const calls = Array.from({ length: 12 }, (_, i) => makeCall({ startedAt: t + i, promptText: `call ${i} ` + "x".repeat(50_000) }));
    expect((await s.post("/v1/calls", { v: 1, sentAt: t, calls: calls.slice(0, 6) })).status).toBe(200);
    expect((await s.post("/v1/calls", { v: 1, sentAt: t, calls: calls.slice(6) })).status).toBe(200);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await s.get(`/v1/calls?limit=500${cursor ? `&cursor=${cursor}` : ""}`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text.length).toBeLessThanOrEqual(300_000 + 1000);
      const page = JSON.parse(text);
      seen.push(...page.calls.map((c: { id: string }) => c.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual(calls.map((c) => c.id).reverse());
  });
});
