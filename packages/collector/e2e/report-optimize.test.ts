// `llmscope report --optimize` as a real child process over a real SQLite file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeCall } from "../src/testing/make-call.ts";
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
