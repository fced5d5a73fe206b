#!/usr/bin/env node
// llmscope: serve the collector, report on what it stored, export it, estimate
// a prompt change, repair the rollups.
// Each command is imported only when it runs: `--help` and `--version` load
// nothing of the store, the SQLite addon or OpenTelemetry.
import { readFileSync } from "node:fs";
import { UsageError, processIO, type CliIO } from "./cli-io.ts";

const HELP = `Usage: llmscope <command> [options]

Commands:
  serve            run the collector (beacon endpoint, queries, alerts, OTLP export)
  report           cost, tokens, top prompts and alerts for a period (tables, --json, --html)
  export           stored calls as NDJSON
  estimate         token and cost impact of a prompt change, before it ships (--fail-above for CI)
  rebuild-rollups  recompute the per-day and per-hour totals from the stored calls

Run \`llmscope <command> --help\` for a command's options, \`llmscope --version\` for the version.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./serve-command.ts")).serveCommand,
  report: async () => (await import("./report-command.ts")).reportCommand,
  export: async () => (await import("./export-command.ts")).exportCommand,
  estimate: async () => (await import("./estimate-command.ts")).estimateCommand,
  "rebuild-rollups": async () => (await import("./rebuild-rollups-command.ts")).rebuildRollupsCommand,
};

/** the package's version; main.ts sits two folders below package.json in src/ and in dist/ alike */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") return (io.out(HELP), 0);
  if (name === "--version" || name === "-v") return (io.out(`${version()}\n`), 0);
  const load = COMMANDS[name];
  if (!load) return (io.err(`unknown command ${JSON.stringify(name)}\n\n${HELP}`), 2);
  try {
    return await (await load())(rest, io);
  } catch (err) {
    // parseArgs reports unknown or malformed options with a code; show those as usage errors too
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`llmscope ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`llmscope: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
