import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heuristicQuality } from "@llmscope/core/quality";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { runCli, startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const END = Date.UTC(2026, 2, 31);
// big enough a day for the anomaly detector to judge the whole app (it leaves series of a few dozen calls a day alone)
const calls = demoCalls({ days: 20, perDay: 150, end: END });
let tmp: ReturnType<typeof tempDbPath>;

beforeAll(async () => {
  tmp = tempDbPath();
  const { child, url, stderr } = await startServeProcess(["--db", tmp.path, "--synchronous", "normal", "--rate", "0"], {
    LLMSCOPE_WRITE_KEY: "cli-write",
    LLMSCOPE_READ_KEY: "cli-read",
  });
  for (let i = 0; i < calls.length; i += 200) {
    const res = await fetch(`${url}/v1/calls`, {
      method: "POST",
      headers: { authorization: "Bearer cli-write" },
      body: JSON.stringify({ v: 1, sentAt: END, calls: calls.slice(i, i + 200) }),
    });
    expect(res.status).toBe(200);
  }
  expect((await fetch(`${url}/v1/stats`)).status).toBe(401);
  const stats = await (await fetch(`${url}/v1/stats?groupBy=all&period=all`, { headers: { "x-llmscope-key": "cli-read" } })).json();
  expect(stats.rows[0].calls).toBe(calls.length);
  child.kill("SIGTERM");
  expect(await waitForExit(child)).toBe(0);
  expect(stderr()).toContain("shutting down");
  expect(stderr()).not.toContain("cli-write");
});
afterAll(() => tmp.cleanup());

describe("llmscope CLI", () => {
  it("prints help for the tool and for every command", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*serve[\s\S]*report[\s\S]*export[\s\S]*estimate[\s\S]*rebuild-rollups/);
    for (const cmd of ["serve", "report", "export", "estimate", "rebuild-rollups"]) {
      const r = await runCli([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: llmscope ${cmd}`);
    }
    const bad = await runCli(["report", "--since", "a while"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--since must be a duration");
    const unknown = await runCli(["report", "--colour"]);
    expect(unknown.code).toBe(2);
  });

  it("reports as JSON with costs that add up to the calls sent", async () => {
    const r = await runCli(["report", "--db", tmp.path, "--from", "2026-03-01", "--to", "2026-04-01", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("reading cost by department");
    const report = JSON.parse(r.stdout);
    const total = calls.reduce((s, c) => s + c.cost!.totalUSD, 0);
    expect(report.totals.calls).toBe(calls.length);
    expect(report.totals.costUSD).toBeCloseTo(total, 4);
    const deptSum = report.byDepartment.reduce((s: number, d: { costUSD: number }) => s + d.costUSD, 0);
    expect(deptSum).toBeCloseTo(total, 4);
    expect(report.byDepartment.map((d: { key: string }) => d.key).sort()).toEqual(["legal", "marketing", "sales", "support"]);
    expect(report.topPrompts[0].sample).toMatch(/^\[[a-z-]+v\d\]/);
    expect(report.trend).toHaveLength(20);
    // the demo's prompt change near the end shows as anomalous days, newest first, each explained
    const anomalous: { day: number; sentence: string; top: { message: string }[] }[] = report.anomalies.days;
    expect(anomalous.length).toBeGreaterThan(0);
    expect(anomalous.map((d) => d.day)).toEqual([...anomalous.map((d) => d.day)].sort((x, y) => y - x));
    for (const d of anomalous) {
      expect(d.sentence).toMatch(/ on 2026-03-\d\d /);
      expect(d.top.length).toBeGreaterThan(0);
      expect(d.top.length).toBeLessThanOrEqual(5);
    }
    expect(report.alerts.some((a: { kind: string }) => a.kind === "token_spike_call" || a.kind === "prompt_tokens_weekly")).toBe(true);
  });

  it("prints terminal tables and writes an HTML report with charts", async () => {
    const html = join(tmp.dir, "report.html");
    const r = await runCli(["report", "--db", tmp.path, "--from", "2026-03-01", "--to", "2026-04-01", "--html", html]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cost by department\n.*calls.*cost/);
    expect(r.stdout).toContain("Top prompts by cost");
    const page = readFileSync(html, "utf8");
    expect((page.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(page).toContain("Tokens per day — input vs output");
  });

  it("exports every call as NDJSON to stdout and to a file", async () => {
    const r = await runCli(["export", "--db", tmp.path]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(calls.length);
    // serve scores calls by default: the stored record carries the built-in heuristics' scores
    expect(JSON.parse(lines[0]!)).toEqual({ ...calls[0], quality: heuristicQuality(calls[0]!) });
    const out = join(tmp.dir, "calls.ndjson");
    const f = await runCli(["export", "--db", tmp.path, "--out", out, "--from", "2026-03-25"]);
    expect(f.code).toBe(0);
    const expected = calls.filter((c) => c.startedAt >= Date.UTC(2026, 2, 25)).length;
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(expected);
    expect(f.stderr).toContain(`exported ${expected} calls`);
    const missing = await runCli(["export", "--db", join(tmp.dir, "nope.db")]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(tmp.dir, "nope.db"))).toBe(false);
  });
});
