import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISSING_ALS_MESSAGE } from "../src/index.ts";
import { bundleWorker } from "./harness/bundle-worker.ts";
import { chatBody, startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";
import { startWorker } from "./harness/start-worker.ts";

describe("withLLMScope in workerd: compatibility flags", () => {
  it("refuses to start without AsyncLocalStorage, naming the flag to add", async () => {
    const script = await bundleWorker(workerEntry("plain-worker.ts"));
    const failure = await startWorker({ script, compatibilityFlags: [] }).then(
      async (worker) => {
        await worker.dispose();
        return undefined;
      },
      (err: Error & { stderr?: string }) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.stderr).toContain(MISSING_ALS_MESSAGE);
    expect(failure!.stderr).toContain('Add "nodejs_compat" to compatibility_flags');
  });

  it("starts with nodejs_compat", async () => {
    const worker = await startWorker({ script: await bundleWorker(workerEntry("plain-worker.ts")), compatibilityFlags: ["nodejs_compat"] });
    try {
      expect(await (await worker.fetch("/")).text()).toBe("ok");
    } finally {
      await worker.dispose();
    }
  });

  describe("with only nodejs_als and AsyncLocalStorage passed in, in console mode", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await startFixture({ entry: workerEntry("als-only-worker.ts"), compatibilityFlags: ["nodejs_als"] });
    });
    afterAll(() => f?.close());

    it("records and prints one JSON line per call for wrangler tail", async () => {
      const responses = await Promise.all(
        ["a", "b"].map(async (user) => (await f.worker.fetch("/", { method: "POST", body: chatBody(`hello from ${user}`), headers: { "x-user-id": user } })).json()),
      );
      expect(responses.map((r) => r.object)).toEqual(["chat.completion", "chat.completion"]);
      let lines: Record<string, any>[] = [];
      for (let i = 0; i < 200 && lines.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        lines = f.worker.stdout
          .split("\n")
          .filter((line) => line.startsWith('{"llmscope":1'))
          .map((line) => JSON.parse(line));
      }
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line).toMatchObject({ provider: "openai", model: "gpt-4o-mini-2024-07-18", status: 200 });
        expect(line.prompt).toBe(`hello from ${line.tags.userId}`);
        expect(line.usage.inputTokens).toBeGreaterThan(0);
      }
    });
  });
});
