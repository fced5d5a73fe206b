import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOptimization, type OptimizationReport } from "../../insights/optimize/build-optimization.ts";
import { SqliteStore } from "../../store/sqlite-store.ts";
import { optimizationTraffic } from "../../testing/optimization-traffic.ts";
import { tempDbPath } from "../../testing/temp-db.ts";
import { renderOptimizationHtml, renderOptimizationTerminal } from "./render-optimization.ts";

const tmp = tempDbPath();
let report: OptimizationReport;
beforeAll(async () => {
  const store = new SqliteStore(tmp.path);
  const from = Date.UTC(2026, 6, 1);
  await store.ingest(optimizationTraffic(from + 3_600_000), from);
  report = await buildOptimization(store, from, from + 30 * 86_400_000);
  await store.close();
});
afterAll(() => tmp.cleanup());

describe("the optimization report on several models' waste", () => {
  it("prints one row per model with its saving, however small", () => {
    const text = renderOptimizationTerminal(report);
    const rows = text.split("\n").filter((l) => l.startsWith("  ") && !l.includes("none found"));
    expect(new Set(rows).size).toBe(rows.length);
    expect(text).toMatch(/\$0\.00011\/month +model=gpt-4o-mini "What is the refund policy\?" — 5 identical prompts/);
    expect(text).toMatch(/\$0\.0018\/month +model=gpt-4o "What is the refund policy\?"/);
    expect(text).toMatch(/\$0\.00045\/month +session=chat-1 — input grew 1000 → 4000 tokens over 4 calls on gpt-4o-mini/);
    expect(text).toMatch(/\$0\.02\/month +model=claude-sonnet-4 prompt=qa — claude-sonnet-4 → gpt-4o-mini/);
    expect(text).toMatch(/user=dee — \$0\.04 a month over 30 calls in the period/);
    expect(text).not.toMatch(/\$0(?![.\d])/);
  });

  it("gives the HTML the same rows and a chart whose labels are whole", () => {
    const html = renderOptimizationHtml(report);
    expect(html).toContain("<code>model=gpt-4o prompt=essay</code>");
    expect(html).toContain(`<td class="num strong">$0.00084</td>`);
    for (const label of ["Cheaper model at equal measured quality", "Repeated identical prompts", "Context bloat", "Verbose outputs"]) {
      const words = [...html.matchAll(/<text[^>]*class="lbl"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
      expect(words).toContain(label);
    }
  });
});
