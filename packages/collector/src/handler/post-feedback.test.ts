import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("POST /v1/feedback (%s store)", (kind) => {
  it("applies an envelope and a single item, and keeps feedback that arrives before its call", async () => {
    s = await startTestServer({}, kind);
    const call = makeCall();
    await s.post("/v1/calls", { v: 1, sentAt: Date.now(), calls: [call] });
    const at = Date.UTC(2026, 2, 4);
    const env = await s.post("/v1/feedback", { v: 1, feedback: [{ callId: call.id, score: -1, comment: "wrong total", at }] });
    expect(await env.json()).toMatchObject({ accepted: 1, applied: 1, pending: [] });
    expect((await s.store.getCall(call.id))!.feedback).toEqual({ score: -1, comment: "wrong total", at });

    const early = await s.post("/v1/feedback", { callId: "later-call", score: 1 });
    expect(await early.json()).toMatchObject({ applied: 0, pending: ["later-call"] });
    await s.post("/v1/calls", { v: 1, sentAt: Date.now(), calls: [makeCall({ id: "later-call" })] });
    expect((await s.store.getCall("later-call"))!.feedback?.score).toBe(1);
  });

  it("names the bad field", async () => {
    s = await startTestServer({}, kind);
    const res = await s.post("/v1/feedback", { v: 1, feedback: [{ callId: "c", score: 5 }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("feedback[0].score must be 1 or -1");
    const ancient = await s.post("/v1/feedback", { callId: "c", score: 1, at: 5 });
    expect(ancient.status).toBe(400);
    expect((await ancient.json()).error).toBe("body.at is before 2000-01-01 (epoch ms expected)");
  });
});
