#!/usr/bin/env node
// llmscope: serve the collector, report on what it stored, export it, estimate
// a prompt change, repair the rollups.
import { UsageError, processIO, type CliIO } from "./cli-io.ts";
import { estimateCommand } from "./estimate-command.ts";
import { exportCommand } from "./export-command.ts";
import { rebuildRollupsCommand } from "./rebuild-rollups-command.ts";
import { reportCommand } from "./report-command.ts";
import { serveCommand } from "./serve-command.ts";

const HELP = `Usage: llmscope <command> [options]

Commands:
  serve            run the collector (beacon endpoint, queries, alerts, OTLP export)
  report           cost, tokens, top prompts and alerts for a period (tables, --json, --html)
  export           stored calls as NDJSON
  estimate         token and cost impact of a prompt change, before it ships (--fail-above for CI)
  rebuild-rollups  recompute the per-day and per-hour totals from the stored calls

Run \`llmscope <command> --help\` for a command's options.
`;

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  serve: serveCommand,
  report: reportCommand,
  export: exportCommand,
  estimate: estimateCommand,
  "rebuild-rollups": rebuildRollupsCommand,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") return (io.out(HELP), 0);
  const command = COMMANDS[name];
  if (!command) return (io.err(`unknown command ${JSON.stringify(name)}\n\n${HELP}`), 2);
  try {
    return await command(rest, io);
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
