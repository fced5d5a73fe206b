// llmscope report: cost by department / feature / user / model, top prompts,
// the daily token trend and alerts — as tables, JSON, or an HTML page.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError, type CliIO } from "./cli-io.ts";
import { openExistingStore } from "./open-store.ts";
import { periodOf } from "./period.ts";
import { buildReport } from "./report/build-report.ts";
import { renderHtml } from "./report/render-html.ts";
import { renderTerminal } from "./report/render-terminal.ts";
import { buildOptimization } from "../insights/optimize/build-optimization.ts";
import { renderOptimizationHtml, renderOptimizationTerminal } from "./report/render-optimization.ts";

export const REPORT_HELP = `Usage: llmscope report [options]

Summarize a period: cost by department, feature, user and model, top prompts
by cost, tokens per day (input vs output), and the alerts that fired.

Options:
  --db <path|url>      SQLite database file (default ./llmscope.db) or a
                       postgres://user:pass@host/db URL
  --since <duration>   the period ending now (default 30d)
  --from <date>        period start (instead of --since)
  --to <date>          period end (default now)
  --top <n>            rows in the user and prompt lists (default 10)
  --json               print the report as JSON
  --html <file>        also write an HTML report with charts
  --optimize           the cost optimization report instead: top spenders, context bloat, verbose
                       outputs, repeated identical prompts, cheaper models at equal quality,
                       each with estimated monthly savings (reads the period's calls)
  -h, --help           show this help
`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string", default: "./llmscope.db" },
      since: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      top: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
      html: { type: "string" },
      optimize: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (io.out(REPORT_HELP), 0);
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError("--top must be a positive integer");
  const now = Date.now();
  const period = periodOf(values, now, "30d");
  const from = period.from ?? 0;
  const to = period.to ?? now;
  const store = await openExistingStore(values.db);
  try {
    if (values.optimize) {
      io.err("reading the period's calls…\n");
      const optimization = await buildOptimization(store, from, to, top);
      if (values.html) {
        writeFileSync(values.html, renderOptimizationHtml(optimization));
        io.err(`wrote ${values.html}\n`);
      }
      io.out(values.json ? JSON.stringify(optimization, null, 2) + "\n" : renderOptimizationTerminal(optimization));
      return 0;
    }
    const report = await buildReport(store, from, to, top, (m) => io.err(`${m}…\n`));
    if (values.html) {
      writeFileSync(values.html, renderHtml(report));
      io.err(`wrote ${values.html}\n`);
    }
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderTerminal(report));
  } finally {
    await store.close();
  }
  return 0;
}
