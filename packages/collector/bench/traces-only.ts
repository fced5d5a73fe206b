// Runs the traces part of the collector benchmark alone and prints its
// Markdown: `traces-only.ts [calls a pass] [rounds] [kept SQLite file] [kept PostgreSQL database]`.
import { tracesSection } from "./traces-section.ts";

const [calls, rounds, sqlite, postgres] = process.argv.slice(2);
process.stdout.write(await tracesSection((m) => process.stderr.write(`${m}\n`), {
  calls: Number(calls ?? 50_000),
  rounds: Number(rounds ?? 5),
  keep: { ...(sqlite ? { sqlite } : {}), ...(postgres ? { postgres } : {}) },
}));
