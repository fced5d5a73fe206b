// llmscope serve: the collector on node:http with an embedded SQLite file.
import { parseArgs } from "node:util";
import { createCollector } from "../handler/create-collector.ts";
import { serve } from "../node/serve.ts";
import { consoleAssets, withConsole } from "../node/console-assets.ts";
import { createOtlpForwarder } from "../otlp/otlp-forwarder.ts";
import { openStore, printableDb } from "./open-store.ts";
import { UsageError, type CliIO } from "./cli-io.ts";
import { scheduleOptimizationReport } from "./optimize-schedule.ts";
import { parseDuration } from "../shared/parse-time.ts";
import { QUALITY_HELP, qualityFromFlags } from "../quality/quality-flags.ts";

const SHUTDOWN_GRACE_MS = 5000;

export const SERVE_HELP = `Usage: llmscope serve [options]

Receive LLM call records from beacons, store them in SQLite, answer queries,
raise alerts and forward spans over OTLP.

Options:
  --port <n>             port to listen on (default 4319; 0 picks a free one)
  --host <addr>          address to bind (default 127.0.0.1)
  --db <path|url>        SQLite database file (default ./llmscope.db), or a
                         postgres://user:pass@host/db URL for a store several
                         collectors share
  --write-key <key>      key required to ingest (repeatable; env LLMSCOPE_WRITE_KEY)
  --read-key <key>       key required to query (repeatable; env LLMSCOPE_READ_KEY)
  --cors <origin>        browser origin allowed to call (repeatable, or "*")
  --webhook <url>        POST fired alerts here as JSON (repeatable)
  --otlp-endpoint <url>  forward calls as OTLP/HTTP spans (e.g. http://127.0.0.1:4318)
  --otlp-content         include prompt and completion text in spans
  --max-body <bytes>     request body limit (default 1048576)
  --rate <n>             requests per second per key (default 100; 0 turns it off)
  --optimize-report <file>  rewrite the cost optimization report (HTML) on a schedule
  --optimize-every <dur>  how often, over that long a period (default 7d)
  --synchronous <mode>   normal (default: an acknowledged batch survives any process
                         crash) or full (also survives power loss; one fsync per batch)
${QUALITY_HELP}  -h, --help             show this help
`;

export async function serveCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "4319" },
      host: { type: "string", default: "127.0.0.1" },
      db: { type: "string", default: "./llmscope.db" },
      "write-key": { type: "string", multiple: true },
      "read-key": { type: "string", multiple: true },
      cors: { type: "string", multiple: true },
      webhook: { type: "string", multiple: true },
      "otlp-endpoint": { type: "string" },
      "otlp-content": { type: "boolean", default: false },
      "max-body": { type: "string", default: String(1024 * 1024) },
      rate: { type: "string", default: "100" },
      synchronous: { type: "string", default: "normal" },
      "no-quality": { type: "boolean", default: false },
      references: { type: "string" },
      "safety-term": { type: "string", multiple: true },
      judge: { type: "string" },
      "judge-url": { type: "string" },
      "optimize-report": { type: "string" },
      "optimize-every": { type: "string", default: "7d" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (io.out(SERVE_HELP), 0);
  const port = Number(values.port);
  const maxBody = Number(values["max-body"]);
  const rate = Number(values.rate);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be 0–65535");
  if (!Number.isInteger(maxBody) || maxBody < 1) throw new UsageError("--max-body must be a positive number of bytes");
  if (!(rate >= 0)) throw new UsageError("--rate must be a number ≥ 0");
  if (values.synchronous !== "full" && values.synchronous !== "normal") throw new UsageError("--synchronous must be full or normal");
  const writeKeys = values["write-key"] ?? (process.env.LLMSCOPE_WRITE_KEY ? [process.env.LLMSCOPE_WRITE_KEY] : []);
  const readKeys = values["read-key"] ?? (process.env.LLMSCOPE_READ_KEY ? [process.env.LLMSCOPE_READ_KEY] : []);
  if (!writeKeys.length) io.err("warning: no write key — anyone who can reach this port can ingest\n");
  if (!readKeys.length) io.err("warning: no read key — anyone who can reach this port can read every recorded prompt\n");

  const log = (m: string) => io.err(`[llmscope] ${m}\n`);
  let quality;
  try {
    quality = qualityFromFlags({
      quality: !values["no-quality"],
      ...(values.references ? { references: values.references } : {}),
      ...(values["safety-term"] ? { safetyTerms: values["safety-term"] } : {}),
      ...(values.judge ? { judge: values.judge } : {}),
      ...(values["judge-url"] ? { judgeUrl: values["judge-url"] } : {}),
      ...(process.env.LLMSCOPE_JUDGE_KEY ? { judgeKey: process.env.LLMSCOPE_JUDGE_KEY } : {}),
    }, log);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  const optimizeEvery = parseDuration(values["optimize-every"]);
  if (!optimizeEvery) throw new UsageError("--optimize-every must be a duration like 7d or 12h");
  const store = await openStore(values.db, { synchronous: values.synchronous, backgroundCheckpoint: true });
  const otlp = values["otlp-endpoint"] ? createOtlpForwarder({ endpoint: values["otlp-endpoint"], includeContent: values["otlp-content"] }) : undefined;
  const cors = values.cors?.includes("*") ? "*" : values.cors?.flatMap((c) => c.split(",").map((o) => o.trim()));
  const collector = createCollector({
    store, writeKeys, readKeys,
    ...(cors ? { cors } : {}),
    ...(values.webhook ? { webhooks: values.webhook } : {}),
    ...(otlp ? { otlp } : {}),
    ...(quality ? { quality } : {}),
    limits: { maxBodyBytes: maxBody, rateLimit: rate > 0 ? { perSecond: rate, burst: Math.max(1, rate * 2) } : false },
    log,
  });
  const running = await serve({ handler: withConsole(collector, consoleAssets()), port, host: values.host, maxBodyBytes: maxBody, onError: (e) => io.err(`[llmscope] ${String(e)}\n`) });
  const stopOptimizing = values["optimize-report"]
    ? scheduleOptimizationReport(store, values["optimize-report"], optimizeEvery, (m) => io.err(`[llmscope] ${m}\n`))
    : undefined;
  io.out(`llmscope collector listening on ${running.url} (db ${printableDb(values.db)})\n`);
  io.err(`[llmscope] console at ${running.url}/\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  io.err("shutting down\n");
  stopOptimizing?.();
  await running.close();
  // the scoring backlog stays queued for the next start; deliveries get a few seconds, then the process goes
  const closed = collector.close().then(() => true);
  if (!(await Promise.race([closed, new Promise<false>((r) => setTimeout(r, SHUTDOWN_GRACE_MS, false).unref())]))) {
    io.err(`[llmscope] deliveries still pending after ${SHUTDOWN_GRACE_MS / 1000}s; exiting without them\n`);
  }
  await store.close();
  return 0;
}

