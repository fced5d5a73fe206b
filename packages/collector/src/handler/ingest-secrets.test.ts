// A client that records credentials (an old recorder, a hand-written beacon)
// must not leave them in the store, nor in what is read or exported from it.
// Over real HTTP on both stores.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const D = Date.UTC(2026, 2, 4, 12);

describe.each(TEST_STORE_KINDS)("secrets at ingest (%s store)", (kind) => {
  it("masks credentials in the url, error message, bodies, headers and params before storing", async () => {
    s = await startTestServer({}, kind);
    const call = {
      ...makeCall({ startedAt: D }),
      url: "https://admin:hunter2@llm.internal/v1/chat/completions?pwd=pw-SECRET&alt=sse",
      error: { kind: "network" as const, message: "fetch failed: https://admin:hunter2@llm.internal/v1?jwt=jwt-SECRET" },
      params: { temperature: 0.2, api_key: "param-SECRET" },
      request: { headers: { "x-jwt-assertion": "hdr-SECRET", accept: "application/json" }, body: '{"model":"m","api_key":"body-SECRET"}' },
    };
    expect((await s.post("/v1/calls", { v: 1, sentAt: D, calls: [call] })).status).toBe(200);
    const stored = JSON.stringify(await (await s.get(`/v1/calls/${call.id}`)).json());
    for (const secret of ["hunter2", "pw-SECRET", "jwt-SECRET", "param-SECRET", "hdr-SECRET", "body-SECRET"]) expect(stored).not.toContain(secret);
    expect(stored).toContain("alt=sse");
    const exported: string[] = [];
    for await (const c of s.store.iterateCalls({})) exported.push(JSON.stringify(c));
    expect(exported.join("")).not.toContain("hunter2");
  });
});
