// `llmscope estimate` as a real child process over the seed's example, with
// history in a real SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { FIXTURE_PROMPT_ID, NEW_TEMPLATE, OLD_TEMPLATE, fixtureCalls, fixtureSamples } from "../src/testing/prompt-change-fixture.ts";
import { runCli } from "./helpers/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "llmscope-estimate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

describe("llmscope estimate", () => {
  it("reports ×3.3 from history, prints JSON, and gates CI with --fail-above", async () => {
    const db = join(dir, "history.db");
    const store = new SqliteStore(db);
    await store.ingest(await fixtureCalls("old", 300, 21, Date.now() - 10 * 86_400_000), Date.now());
    await store.close();
    const args = ["estimate", "--old", file("old.txt", OLD_TEMPLATE), "--new", file("new.txt", NEW_TEMPLATE),
      "--samples", file("samples.jsonl", fixtureSamples(100, 22).map((s) => JSON.stringify(s)).join("\n")), "--db", db, "--prompt-id", FIXTURE_PROMPT_ID];
    const table = await runCli(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/tokens\/call .* ×3\.[2-4]/);
    expect(table.stdout).toMatch(/from \d+ days of promptId=support-answer/);
    expect(table.stderr).toMatch(/100\/100/);
    const json = await runCli([...args, "--json"]);
    const estimate = JSON.parse(json.stdout) as { tokensRatio: number; costRatio: number };
    expect(estimate.tokensRatio).toBeGreaterThan(3);
    expect(estimate.costRatio).toBeLessThan(3.6);
    const gated = await runCli([...args, "--fail-above", "20%"]);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/above --fail-above 20%/);
  }, 60_000);

  it("names a missing template variable as a usage error", async () => {
    const r = await runCli(["estimate", "--old", file("a.txt", "{{q}}"), "--new", file("b.txt", "{{missing}}"), "--samples", file("s.jsonl", '{"q":"x"}\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sample 1 has no "missing"/);
  });
});
