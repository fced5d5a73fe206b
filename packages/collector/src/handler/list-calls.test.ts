import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const T = Date.UTC(2026, 2, 4, 14, 0);

describe.each(TEST_STORE_KINDS)("GET /v1/calls, /v1/calls/:id, /v1/calls/:id/similar (%s store)", (kind) => {
  it("finds a user's call around 14:02 with its whole context, page by page", async () => {
    s = await startTestServer({}, kind);
    const calls = [
      ...Array.from({ length: 5 }, (_, i) => makeCall({ startedAt: T + i * 60_000, tags: { userId: "u42", feature: "chat" } })),
      makeCall({ startedAt: T + 120_000, tags: { userId: "someone-else" } }),
      makeCall({ startedAt: T + 130_000, tags: { userId: "u42" }, errorKind: "rate_limit", model: "gpt-4o" }),
    ];
    await s.post("/v1/calls", { v: 1, sentAt: T, calls });
    const from = new Date(T + 60_000).toISOString();
    const to = new Date(T + 180_000).toISOString();
    const page1 = await (await s.get(`/v1/calls?userId=u42&from=${from}&to=${to}&limit=2`)).json();
    expect(page1.calls.map((c: { id: string }) => c.id)).toEqual([calls[6]!.id, calls[2]!.id]);
    expect(page1.calls[0].prompt.messages).toHaveLength(2);
    const page2 = await (await s.get(`/v1/calls?userId=u42&from=${from}&to=${to}&limit=2&cursor=${page1.cursor}`)).json();
    expect(page2.calls.map((c: { id: string }) => c.id)).toEqual([calls[1]!.id]);
    expect(page2.cursor).toBeUndefined();
    const errors = await (await s.get("/v1/calls?errorKind=rate_limit&model=gpt-4o")).json();
    expect(errors.calls).toHaveLength(1);
    const bad = await s.get("/v1/calls?from=noon");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("from must be epoch ms or an ISO date");
    expect((await s.get("/v1/calls?cursor=zzz")).status).toBe(400);
  });

  it("returns one call, 404 for an unknown id, and the impact scope", async () => {
    s = await startTestServer({}, kind);
    const bad = makeCall({ startedAt: T, fingerprint: "fp-x", tags: { userId: "a", feature: "refunds" } });
    const same = makeCall({ startedAt: T + 1000, fingerprint: "fp-x", tags: { userId: "b", feature: "refunds" } });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls: [bad, same] });
    expect(await (await s.get(`/v1/calls/${bad.id}`)).json()).toEqual(bad);
    expect((await s.get("/v1/calls/nope")).status).toBe(404);
    const scope = await (await s.get(`/v1/calls/${bad.id}/similar?window=1h`)).json();
    expect(scope).toMatchObject({ total: 1, sameFingerprint: 1, byUser: [{ userId: "b", calls: 1 }], byFeature: [{ feature: "refunds", calls: 1 }] });
    expect((await s.get(`/v1/calls/${bad.id}/similar?window=soon`)).status).toBe(400);
  });
});
