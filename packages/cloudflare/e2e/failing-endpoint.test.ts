import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatBody, startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";

// a port nothing listens on: bind one, note it, close it
async function closedPort(): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function statsOf(f: Fixture) {
  return (await f.worker.fetch("/stats")).json() as Promise<{ dropped: number; droppedByReason: Record<string, number>; captured: number }>;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("condition not reached");
}

describe("withLLMScope in workerd: a failing endpoint never fails the request", () => {
  let failing: Fixture;
  let refused: Fixture;
  beforeAll(async () => {
    failing = await startFixture({ entry: workerEntry("chat-worker.ts") });
    failing.collector.failWith(500);
    refused = await startFixture({ entry: workerEntry("chat-worker.ts"), vars: { COLLECTOR_URL: await closedPort() } });
  });
  afterAll(async () => {
    await failing?.close();
    await refused?.close();
  });

  for (const [name, fixture] of [
    ["answering 500", () => failing],
    ["refusing connections", () => refused],
  ] as const) {
    it(`serves the answer when the endpoint is ${name}, and counts the lost record`, async () => {
      const f = fixture();
      const response = await f.worker.fetch("/chat", { method: "POST", body: chatBody("Still works?"), headers: { "x-user-id": "u" } });
      expect(response.status).toBe(200);
      const answer = await response.json();
      expect(answer.choices[0].message.content.length).toBeGreaterThan(0);
      // the drop is visible: counted by reason once the beacon gives up on the
      // records the request made, its call and its trace (each request to /stats
      // below is traced too, so later polls may find more traces given up on)
      const stats = await until(() => statsOf(f), (s) => s.dropped >= 2);
      expect(stats.captured).toBe(1);
      expect(stats.droppedByReason["beacon-failed"]).toBe(stats.dropped);
      expect(f.collector.calls).toHaveLength(0);
    });
  }

  it("tried the failing endpoint, so the 500s were real", () => {
    expect(failing.collector.attempts).toBeGreaterThanOrEqual(2);
  });
});
