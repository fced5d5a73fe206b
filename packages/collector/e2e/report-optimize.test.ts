// `llmscope report --optimize` as a real child process over a real SQLite file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { optimizationTraffic } from "../src/testing/optimization-traffic.ts";
import { runCli, startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "llmscope-optimize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("llmscope report --optimize", () => {
  it("finds repeated prompts with their savings, as JSON, text and HTML", async () => {
    const db = join(dir, "o.db");
    const store = new SqliteStore(db);
    const now = Date.now();
    await store.ingest(Array.from({ length: 6 }, (_, i) => makeCall({ startedAt: now - 86_400_000 + i * 1000, promptText: "Translate the FAQ", costUSD: 0.5 })), now);
    await store.close();
    const json = await runCli(["report", "--optimize", "--db", db, "--since", "30d", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { findings: { kind: string; monthlySavingsUSD: number }[] };
    const repeated = report.findings.find((f) => f.kind === "repeated_prompt");
    // five of six $0.50 calls a cache would have served, over a 30-day period
    expect(repeated?.monthlySavingsUSD).toBeCloseTo(2.5, 1);
    const html = join(dir, "o.html");
    const text = await runCli(["report", "--optimize", "--db", db, "--since", "30d", "--html", html]);
    expect(text.stdout).toMatch(/Repeated identical prompts/);
    expect(text.stdout).toMatch(/\$2\.50\/month/);
    expect(readFileSync(html, "utf8")).toMatch(/Estimated monthly savings by finding[\s\S]*<svg/);
  }, 30_000);
});

describe("llmscope report --optimize on several models' waste", () => {
  it("prints a row per model, each saving in the digits it needs", async () => {
    const db = join(dir, "models.db");
    const store = new SqliteStore(db);
    const now = Date.now();
    await store.ingest(optimizationTraffic(now - 86_400_000), now);
    await store.close();
    const { code, stdout } = await runCli(["report", "--optimize", "--db", db, "--since", "30d"]);
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((l) => l.startsWith("  ") && !l.includes("none found"));
    expect(new Set(rows).size).toBe(rows.length);
    // the same question asked of two models: two rows, each naming its model, at fractions of a cent
    expect(stdout).toMatch(/\$0\.00011\/month +model=gpt-4o-mini "What is the refund policy\?"/);
    expect(stdout).toMatch(/\$0\.0018\/month +model=gpt-4o "What is the refund policy\?"/);
    expect(stdout).toMatch(/\$0\.02\/month +model=claude-sonnet-4 prompt=qa/);
    expect(stdout).toMatch(/\$0\.02\/month +model=gpt-4o prompt=qa/);
    expect(stdout).not.toMatch(/\$0(?![.\d])/);
  }, 30_000);
});

describe("llmscope serve --optimize-report", () => {
  it("rewrites the optimization report on its schedule", async () => {
    const file = join(dir, "weekly.html");
    const { child, stderr } = await startServeProcess(["--db", join(dir, "serve.db"), "--optimize-report", file, "--optimize-every", "500ms"]);
    try {
      // The log line reaches this process through a pipe, after the file is in place.
      for (let i = 0; i < 100 && !stderr().includes("wrote the cost optimization report"); i++) await new Promise((r) => setTimeout(r, 100));
      expect(stderr()).toContain(`wrote the cost optimization report to ${file}`);
      expect(existsSync(`${file}.partial`)).toBe(false);
      expect(readFileSync(file, "utf8")).toMatch(/llmscope cost optimization/);
    } finally {
      child.kill("SIGTERM");
      expect(await waitForExit(child)).toBe(0);
    }
  }, 30_000);
});
