// llmscope rebuild-rollups: recomputes the pre-aggregated rows that stats,
// reports, alerts and anomaly detection read, from the stored calls.
import { parseArgs } from "node:util";
import type { CliIO } from "./cli-io.ts";
import { openExistingStore, printableDb } from "./open-store.ts";

export const REBUILD_ROLLUPS_HELP = `Usage: llmscope rebuild-rollups [options]

Recompute the rollups (the per-day and per-hour totals that stats, reports,
alerts and anomaly detection read) from the stored calls. Needed after calls
were loaded into the database without the collector, and to give days stored
by an older collector their hour rows. Days whose calls retention has dropped
keep their rollups.

It runs in one transaction: a collector serving the same database holds its
next batch until the rebuild commits (SQLite: for up to 5 s, after which the
batch is refused and the recorder sends it again).

Options:
  --db <path|url>   SQLite database file or postgres:// URL (default ./llmscope.db)
  -h, --help        show this help
`;

export async function rebuildRollupsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string", default: "./llmscope.db" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (io.out(REBUILD_ROLLUPS_HELP), 0);
  const store = await openExistingStore(values.db);
  try {
    const total = await store.count();
    io.err(`rebuilding the rollups of ${total} calls in ${printableDb(values.db)}\n`);
    const started = Date.now();
    let shown = 0;
    const rows = await store.rebuildRollups((done) => {
      // a line for each further tenth, so a long rebuild shows it is moving
      if (total >= 10_000 && done - shown >= total / 10) io.err(`  ${(shown = done)}/${total}\n`);
    });
    io.err(`rebuilt the rollups of ${rows} calls in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await store.close();
  }
  return 0;
}
