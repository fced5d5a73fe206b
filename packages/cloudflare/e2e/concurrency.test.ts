import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatBody, startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";

const REQUESTS = 100;

describe("withLLMScope in workerd: many requests in flight in one isolate", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture({ entry: workerEntry("chat-worker.ts") });
  });
  afterAll(() => f?.close());

  it(`attributes ${REQUESTS} concurrent requests' calls to their own users, none lost`, async () => {
    const users = Array.from({ length: REQUESTS }, (_, i) => `user-${i}`);
    // half stream, so records finish while other requests are still starting
    const responses = await Promise.all(
      users.map(async (user, i) => {
        const body = chatBody(`I am ${user}. Tell me something.`, i % 2 ? { stream: true, stream_options: { include_usage: true } } : {});
        const response = await f.worker.fetch("/chat", { method: "POST", body, headers: { "x-user-id": user, "cf-ray": `ray-${user}` } });
        return { status: response.status, text: await response.text() };
      }),
    );
    expect(responses.every((r) => r.status === 200 && r.text.length > 0)).toBe(true);

    const calls = await f.collector.waitForCalls(REQUESTS);
    expect(calls).toHaveLength(REQUESTS);
    expect(new Set(calls.map((c) => c.id)).size).toBe(REQUESTS);
    for (const call of calls) {
      // the prompt names the user who sent it: tags must name the same one
      const named = /^I am (user-\d+)\./.exec(call.prompt.text)?.[1];
      expect(named).toBeDefined();
      expect(call.tags.userId).toBe(named);
      expect(call.tags.cfRay).toBe(`ray-${named}`);
    }
    expect(new Set(calls.map((c) => c.tags.userId))).toEqual(new Set(users));

    const stats = await (await f.worker.fetch("/stats")).json();
    // shared batching must not leak one request's I/O into another's
    expect(f.worker.stderr).not.toMatch(/different request|Cannot perform I\/O|Uncaught/);
    expect(stats).toMatchObject({ captured: REQUESTS, dropped: 0, sinkErrors: 0, internalErrors: 0, worker: { deliveryTimeouts: 0, deliveryErrors: 0 } });
  });
});
