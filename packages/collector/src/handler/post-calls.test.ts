import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, WRITE_KEY, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const envelope = (calls: unknown[], extra: Record<string, unknown> = {}) => ({ v: 1, sentAt: Date.now(), calls, ...extra });

describe.each(TEST_STORE_KINDS)("POST /v1/calls (%s store)", (kind) => {
  it("stores a batch and treats a retried batch as already stored", async () => {
    s = await startTestServer({}, kind);
    const calls = [makeCall(), makeCall()];
    const first = await s.post("/v1/calls", envelope(calls));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 2, inserted: 2, duplicates: 0 });
    const retry = await s.post("/v1/calls", envelope(calls));
    expect(await retry.json()).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(await s.store.count()).toBe(2);
  });

  it("accepts a sendBeacon text/plain body carrying the write key inside, under a mount prefix", async () => {
    s = await startTestServer({}, kind);
    const res = await fetch(`${s.url}/llmscope/v1/calls`, {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(envelope([makeCall()], { writeKey: WRITE_KEY })),
    });
    expect(res.status).toBe(200);
    expect(await s.store.count()).toBe(1);
  });

  it("refuses a call with a bad field, naming it, and stores the rest of its batch", async () => {
    s = await startTestServer({}, kind);
    const bad = { ...makeCall(), startedAt: "yesterday" };
    const res = await s.post("/v1/calls", envelope([makeCall(), bad]));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("1 of 2 calls refused; the rest are stored. First: calls[1].startedAt must be a finite number");
    expect(body.rejected).toEqual([{ index: 1, id: bad.id, error: "calls[1].startedAt must be a finite number" }]);
    expect(await s.store.count()).toBe(1);
    expect(s.collector.counters().callsRejected).toBe(1);
    const notJson = await s.post("/v1/calls", "{oops");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe("body is not valid JSON");
    const wrongVersion = await s.post("/v1/calls", { v: 2, calls: [] });
    expect((await wrongVersion.json()).error).toMatch(/^v must be 1/);
  });

  it("answers 413 over the body limit, declared or streamed", async () => {
    s = await startTestServer({ limits: { maxBodyBytes: 4096 } }, kind);
    const big = envelope(Array.from({ length: 20 }, () => makeCall()));
    const res = await s.post("/v1/calls", big);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than 4096 bytes/);
    const chunked = await fetch(`${s.url}/v1/calls`, {
      method: "POST",
      headers: { "x-llmscope-key": WRITE_KEY },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(1000)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await s.store.count()).toBe(0);
  });

  it("cuts over-long text to the field cap, marks the call and counts it", async () => {
    s = await startTestServer({ limits: { fieldCaps: { maxTextChars: 100, maxBodyChars: 100, maxMessages: 10, maxTagValueChars: 20, maxTags: 8 } } }, kind);
    const call = makeCall({ promptText: "long ".repeat(100) });
    const res = await s.post("/v1/calls", envelope([call]));
    expect(await res.json()).toMatchObject({ inserted: 1, truncated: 1 });
    const stored = (await s.store.getCall(call.id))!;
    expect(stored.prompt.text).toHaveLength(100);
    expect(stored.truncated).toBe(true);
    expect(s.collector.counters().callsTruncated).toBe(1);
  });
});
