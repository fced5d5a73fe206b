// The optimization report written by the real CLI and opened in real Chromium:
// the savings chart's labels are drawn whole, inside the chart and clear of the bars.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { optimizationTraffic } from "../src/testing/optimization-traffic.ts";
import { runCli } from "./helpers/run-cli.ts";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const dir = mkdtempSync(join(tmpdir(), "llmscope-optimize-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the optimization report's HTML in Chromium", () => {
  it("draws each finding's label whole, left of its bar, with every saving above $0", async () => {
    const db = join(dir, "o.db");
    const store = new SqliteStore(db);
    const now = Date.now();
    await store.ingest(optimizationTraffic(now - 86_400_000), now);
    await store.close();
    const file = join(dir, "o.html");
    expect((await runCli(["report", "--optimize", "--db", db, "--since", "30d", "--html", file])).code).toBe(0);
    const context = await chromium.launchPersistentContext(join(dir, "profile"), { executablePath: "/usr/bin/chromium", headless: true, args: ARGS, viewport: { width: 900, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      const rows = await page.$$eval("svg g", (groups) =>
        groups.map((g) => {
          const svg = g.closest("svg")!.getBoundingClientRect();
          const label = g.querySelector("text.lbl")!;
          const box = label.getBoundingClientRect();
          const bar = g.querySelector("rect")!.getBoundingClientRect();
          const tspans = [...label.querySelectorAll("tspan")];
          const lines = tspans.length ? tspans.map((t) => t.textContent) : [label.textContent];
          return { text: lines.join(" "), left: box.left - svg.left, right: box.right, top: box.top - svg.top, bottom: svg.bottom - box.bottom, barLeft: bar.left, value: g.querySelector("text.val")!.textContent };
        }),
      );
      expect(rows.map((r) => r.text)).toEqual(["Cheaper model at equal measured quality", "Repeated identical prompts", "Context bloat", "Verbose outputs"]);
      for (const r of rows) {
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.top).toBeGreaterThanOrEqual(0);
        expect(r.bottom).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThan(r.barLeft);
        expect(r.value).toMatch(/^\$0\.0*[1-9]/);
      }
      // each row of the tables names a different subject, and every saving shows its digits
      const cells = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      const subjects = cells.map((c) => c[0]);
      expect(new Set(subjects).size).toBe(subjects.length);
      expect(subjects).toContain('model=gpt-4o-mini "What is the refund policy?"');
      for (const c of cells) expect(c[2]).toMatch(/^(—|\$(0\.0*)?[1-9][\d.,]*)$/);
    } finally {
      await context.close();
    }
  }, 60_000);
});
