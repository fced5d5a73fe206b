import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, type Fixture } from "./harness/fixtures.ts";

const example = (path: string) => fileURLToPath(new URL(`../example/${path}`, import.meta.url));

/** wrangler.jsonc as wrangler reads it: JSON with line comments */
function wranglerConfig(): { compatibility_flags: string[]; vars: Record<string, string> } {
  const text = readFileSync(example("wrangler.jsonc"), "utf8");
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""));
}

function bearer(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `Bearer ${part({ alg: "none" })}.${part(claims)}.`;
}

describe("the sample Worker in workerd", () => {
  let f: Fixture;
  beforeAll(async () => {
    const config = wranglerConfig();
    f = await startFixture({
      entry: example("src/worker.ts"),
      compatibilityFlags: config.compatibility_flags,
      vars: config.vars,
      // what `pnpm example` passes with --var
      varsFor: ({ llm, collector }) => ({ LLM_BASE_URL: llm, LLMSCOPE_ENDPOINT: `${collector}/v1/calls` }),
    });
  });
  afterAll(() => f?.close());

  it("records its openai SDK calls (plain and streamed) and its plain fetch call", async () => {
    const sdk = await f.worker.fetch("/sdk?q=What%20is%20a%20token%3F", { headers: { "x-user-id": "sdk-user" } });
    const answer = (await sdk.json()) as { answer: string; usage: { prompt_tokens: number } };
    expect(answer.answer.length).toBeGreaterThan(0);

    const streamed = await (await f.worker.fetch("/sdk/stream?q=Stream%20please", { headers: { authorization: bearer({ sub: "jwt-user" }) } })).text();
    expect(streamed.length).toBeGreaterThan(0);

    const relayed = await f.worker.fetch("/fetch?q=Plain%20fetch", { headers: { "x-user-id": "fetch-user" } });
    expect(((await relayed.json()) as { object: string }).object).toBe("chat.completion");

    const calls = await f.collector.waitForCalls(3);
    const byUser = Object.fromEntries(calls.map((c) => [c.tags.userId, c]));
    expect(byUser["sdk-user"]).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      stream: false,
      prompt: { system: "You answer in one short paragraph.", messages: [{ role: "user", content: "What is a token?" }] },
      completion: { text: answer.answer },
      usage: { inputTokens: answer.usage.prompt_tokens, source: "provider" },
      tags: { feature: "example" },
    });
    expect(byUser["jwt-user"]).toMatchObject({ stream: true, completion: { text: streamed }, usage: { source: "provider" } });
    expect(byUser["fetch-user"]).toMatchObject({ stream: false, prompt: { messages: [{ content: "Plain fetch" }] } });
    expect(JSON.stringify(calls)).not.toContain("sk-mock-key");
  });

  it("runs with the compatibility flag its wrangler.jsonc declares", () => {
    expect(wranglerConfig().compatibility_flags).toEqual(["nodejs_compat"]);
  });
});
