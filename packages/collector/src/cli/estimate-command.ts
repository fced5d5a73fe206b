// llmscope estimate: the token and cost impact of a prompt change, before it
// ships; --fail-above makes it a CI gate.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { estimatePromptChange, type PromptChangeEstimate } from "../estimate/estimate-change.ts";
import { parseSamples, TemplateError } from "../estimate/template.ts";
import type { CallStore } from "../store/call-store.ts";
import { UsageError, type CliIO } from "./cli-io.ts";
import { openExistingStore } from "./open-store.ts";

export const ESTIMATE_HELP = `Usage: llmscope estimate --old <file> --new <file> --samples <file.jsonl> [options]

Render both prompt templates over sample inputs, count input tokens with the
model's tokenizer, predict output tokens from the prompt's history, and report
per-request and monthly tokens and cost with the change.

Templates are text files with {{name}} placeholders; each line of the samples
file is a JSON object providing those names.

Options:
  --model <id>          model to count and price for (default gpt-4o-mini)
  --prompt-id <id>      promptId whose history predicts outputs and volume
  --db <path|url>       database with that history: SQLite file (default ./llmscope.db,
                        if present) or postgres:// URL
  --limit <n>           samples to use (default 100)
  --monthly-calls <n>   calls a month (default: from history, else 10000)
  --output-ratio <x>    output tokens per input token without history (default 1)
  --fail-above <pct>    exit 1 when the cost grows by more than this, e.g. 20%
  --json                print the estimate as JSON
  -h, --help            show this help
`;

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/%$/, ""));
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a non-negative number (got ${JSON.stringify(value)})`);
  return n;
}

function read(path: string, flag: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`${flag}: cannot read ${path}`);
  }
}

export async function estimateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      old: { type: "string" }, new: { type: "string" }, samples: { type: "string" }, model: { type: "string" },
      "prompt-id": { type: "string" }, db: { type: "string" }, limit: { type: "string", default: "100" },
      "monthly-calls": { type: "string" }, "output-ratio": { type: "string" }, "fail-above": { type: "string" },
      json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" },
    },
  });
  if (v.help) return (io.out(ESTIMATE_HELP), 0);
  if (!v.old || !v.new || !v.samples) throw new UsageError("--old, --new and --samples are required");
  const failAbove = positive(v["fail-above"], "--fail-above");
  const monthlyCalls = positive(v["monthly-calls"], "--monthly-calls");
  const outputPerInput = positive(v["output-ratio"], "--output-ratio");
  let samples: Record<string, unknown>[];
  try {
    samples = parseSamples(read(v.samples, "--samples"));
  } catch (err) {
    throw err instanceof TemplateError ? new UsageError(err.message) : err;
  }
  const store: CallStore | undefined = v["prompt-id"] ? await openExistingStore(v.db ?? "./llmscope.db") : undefined;
  let estimate: PromptChangeEstimate;
  try {
    estimate = await estimatePromptChange({
      oldTemplate: read(v.old, "--old"),
      newTemplate: read(v.new, "--new"),
      samples,
      limit: positive(v.limit, "--limit") ?? 100,
      ...(v.model ? { model: v.model } : {}),
      ...(store && v["prompt-id"] ? { store, promptId: v["prompt-id"] } : {}),
      ...(monthlyCalls !== undefined ? { monthlyCalls } : {}),
      ...(outputPerInput !== undefined ? { outputPerInput } : {}),
      onProgress: (done, total) => {
        if (total >= 50 && (done % 10 === 0 || done === total)) io.err(`\rcounting ${"█".repeat(Math.round((done / total) * 20)).padEnd(20, "░")} ${done}/${total}${done === total ? "\n" : ""}`);
      },
    });
  } catch (err) {
    throw err instanceof TemplateError ? new UsageError(err.message) : err;
  } finally {
    await store?.close();
  }
  io.out(v.json ? JSON.stringify(estimate, null, 2) + "\n" : renderEstimate(estimate));
  if (failAbove !== undefined && estimate.costDelta * 100 > failAbove) {
    io.err(`cost grows ${(estimate.costDelta * 100).toFixed(1)}%, above --fail-above ${failAbove}%\n`);
    return 1;
  }
  return 0;
}

export function renderEstimate(e: PromptChangeEstimate): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const usd = (x: number) => `$${x < 1 ? x.toPrecision(3) : x.toFixed(2)}`;
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
  const { old: a, new: b } = e.perRequest;
  return [
    `Prompt change estimate — ${e.model}, ${e.samples} samples`,
    ``,
    `                      old          new        change`,
    `input tokens/call   ${n(a.inputTokens).padStart(8)}   ${n(b.inputTokens).padStart(10)}`,
    `output tokens/call  ${n(a.outputTokens).padStart(8)}   ${n(b.outputTokens).padStart(10)}`,
    `tokens/call         ${n(a.totalTokens).padStart(8)}   ${n(b.totalTokens).padStart(10)}   ×${e.tokensRatio.toFixed(2)} (${pct(e.tokensDelta)} ± ${(e.uncertainty * 100).toFixed(1)}%)`,
    `cost/call           ${usd(a.costUSD).padStart(8)}   ${usd(b.costUSD).padStart(10)}   ×${e.costRatio.toFixed(2)} (${pct(e.costDelta)})`,
    `monthly tokens      ${n(a.monthlyTokens).padStart(8)}   ${n(b.monthlyTokens).padStart(10)}   at ${n(e.monthlyCalls)} calls`,
    `monthly cost        ${usd(a.monthlyCostUSD).padStart(8)}   ${usd(b.monthlyCostUSD).padStart(10)}   ${usd(b.monthlyCostUSD - a.monthlyCostUSD)} a month`,
    ``,
    ...e.assumptions.map((s) => `· ${s}`),
    ``,
  ].join("\n");
}
