// The HTML report rendered in real Chromium: every chart draws, bars scale with
// cost, and nothing in the page depends on the network.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertEngine } from "../src/alerts/alert-engine.ts";
import { buildReport } from "../src/cli/report/build-report.ts";
import { renderHtml } from "../src/cli/report/render-html.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const tmp = tempDbPath();
const profile = mkdtempSync(join(tmpdir(), "llmscope-chromium-"));
let file = "";

beforeAll(async () => {
  const store = new SqliteStore(tmp.path);
  const engine = createAlertEngine({ store });
  const calls = demoCalls({ days: 14, perDay: 60, end: Date.UTC(2026, 2, 15) });
  for (let i = 0; i < calls.length; i += 200) await engine.evaluate((await store.ingest(calls.slice(i, i + 200), 0)).inserted);
  const report = await buildReport(store, Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 15));
  await store.close();
  file = join(tmp.dir, "report.html");
  writeFileSync(file, renderHtml(report));
});
afterAll(() => {
  tmp.cleanup();
  rmSync(profile, { recursive: true, force: true });
});

describe("HTML report in Chromium", () => {
  it("draws every chart with bars proportional to cost and loads nothing from the network", async () => {
    const context = await chromium.launchPersistentContext(profile, { executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      const charts = await page.$$eval("svg", (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(charts.length).toBe(6);
      for (const [w, h] of charts) {
        expect(w).toBeGreaterThan(300);
        expect(h).toBeGreaterThan(60);
      }
      // cost by model: the first bar is the most expensive and the widest
      const modelBars = await page.$$eval("section:nth-of-type(6) svg rect", (rects) => rects.map((r) => r.getBoundingClientRect().width));
      expect(modelBars.length).toBe(3);
      expect(modelBars[0]).toBeGreaterThan(modelBars[2]!);
      const days = await page.$$eval("section:first-of-type svg g rect", (rects) => rects.length);
      expect(days).toBe(14 * 2);
      expect(await page.textContent("h1")).toBe("llmscope report");
      // the anomalies card says the period was quiet (two weeks of demo traffic leave no day with a baseline)
      expect(await page.locator("section", { has: page.locator("h2", { hasText: "Anomalies" }) }).innerText()).toContain("Every day stayed within its usual range.");
      expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
