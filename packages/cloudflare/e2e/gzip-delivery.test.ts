// The beacon's compression in the Workers runtime: workerd's own
// CompressionStream, used once the endpoint has said it reads gzip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatBody, startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";

describe("withLLMScope in workerd: compressed delivery", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture({ entry: workerEntry("chat-worker.ts") });
    f.collector.offerGzip(true);
  });
  afterAll(async () => {
    await f?.close();
  });

  it("sends the first batch plain and gzips the next ones, each call arriving whole", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await f.worker.fetch("/chat", { method: "POST", body: chatBody(`Where is order ${i}?`), headers: { "x-user-id": `user-${i}` } });
      answers.push((await response.json()).choices[0].message.content);
      // each request's batch is delivered before the next request begins
      await f.collector.waitForCalls(i + 1);
    }
    const calls = f.collector.envelopes.filter((e) => e.envelope.calls.length);
    expect(calls.map((e) => e.headers["content-encoding"] ?? "plain")).toEqual(["plain", "gzip", "gzip"]);
    expect(f.collector.calls.map((c) => [c.prompt.text, c.completion.text, c.tags.userId])).toEqual(
      answers.map((answer, i) => [`Where is order ${i}?`, answer, `user-${i}`]),
    );
  });
});
