#!/usr/bin/env node
// llmscope-mock: the mock LLM and vector-search server as a command.
import { startMockLLM } from "../node.ts";
import { HELP, UsageError, parseCliArgs } from "./parse-args.ts";

/** an exit code, or undefined while the server runs (it stops on SIGINT or SIGTERM) */
async function main(argv: string[]): Promise<number | undefined> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    // parseArgs reports unknown or malformed options with a code: usage errors too
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`llmscope-mock: ${(err as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const { help: _, ...mockOptions } = options;
  let server;
  try {
    server = await startMockLLM(mockOptions);
  } catch (err) {
    const inUse = (err as { code?: string }).code === "EADDRINUSE";
    process.stderr.write(`llmscope-mock: ${inUse ? `port ${options.port} is in use; pick another with --port` : (err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`llmscope-mock listening on ${server.url} (GET ${server.url}/ lists the endpoints)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`llmscope-mock: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
