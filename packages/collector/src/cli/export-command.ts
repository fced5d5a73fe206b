// llmscope export: every stored call as NDJSON, oldest first.
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import type { CallFilter } from "../store/call-store.ts";
import type { CliIO } from "./cli-io.ts";
import { openExistingStore } from "./open-store.ts";
import { periodOf } from "./period.ts";

export const EXPORT_HELP = `Usage: llmscope export [options]

Write stored calls as NDJSON (one JSON record per line), oldest first.

Options:
  --db <path|url>      SQLite database file (default ./llmscope.db) or a
                       postgres://user:pass@host/db URL
  --out <file>         write here instead of stdout
  --since <duration>   only calls from the last 7d, 24h, ...
  --from <date>        only calls at or after this date
  --to <date>          only calls before this date
  --user <id>          only this user's calls
  --feature <name>     only this feature's calls
  -h, --help           show this help
`;

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string", default: "./llmscope.db" },
      out: { type: "string" },
      since: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      user: { type: "string" },
      feature: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (io.out(EXPORT_HELP), 0);
  const filter: Omit<CallFilter, "limit" | "cursor"> = { ...periodOf(values, Date.now(), undefined) };
  if (values.user) filter.userId = values.user;
  if (values.feature) filter.feature = values.feature;
  const store = await openExistingStore(values.db);
  const file = values.out ? createWriteStream(values.out) : undefined;
  const write = (line: string) => (file ? new Promise<void>((r) => (file.write(line) ? r() : file.once("drain", r))) : io.out(line));
  try {
    const total = await store.count(filter);
    io.err(`exporting ${total} calls\n`);
    let n = 0;
    for await (const call of store.iterateCalls(filter)) {
      await write(JSON.stringify(call) + "\n");
      if (++n % 10_000 === 0) io.err(`  ${n}/${total}\n`);
    }
    io.err(`exported ${n} calls${values.out ? ` to ${values.out}` : ""}\n`);
  } finally {
    if (file) await new Promise<void>((r) => file.end(r));
    await store.close();
  }
  return 0;
}
