import { parseArgs } from "node:util";
import type { MockOptions } from "../options.ts";
import { isScenarioId, SCENARIOS } from "../scenarios.ts";

export const HELP = `Usage: llmscope-mock [options]

A local LLM and vector-search server on 127.0.0.1 that speaks the wire formats of
OpenAI, Azure OpenAI, Anthropic, Gemini, Ollama, Pinecone and Qdrant.
GET / lists its endpoints (JSON; HTML in a browser).

Options:
  --port <n>               port to listen on (default 8787; 0 picks a free one)
  --scenario <id>          default scenario for requests that name none (default normal)
  --first-chunk-delay <ms> wait before the first chunk or a whole answer (default 20)
  --chunk-delay <ms>       wait between stream chunks (default 5)
  --jitter <ms>            each wait varies by up to ± this much (default 0)
  --seed <n>               seed for jitter and varied answers (default 1)
  -h, --help               show this help

Scenarios: ${SCENARIOS.map((s) => s.id).join(", ")}
`;

export class UsageError extends Error {}

export type CliOptions = { help: true } | (MockOptions & { help: false; port: number });

function number(name: string, raw: string | undefined, fallback: number | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 0 || value > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      scenario: { type: "string" },
      "first-chunk-delay": { type: "string" },
      "chunk-delay": { type: "string" },
      jitter: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: true };
  const scenario = values.scenario;
  if (scenario !== undefined && !isScenarioId(scenario)) throw new UsageError(`unknown scenario ${JSON.stringify(scenario)}; known: ${SCENARIOS.map((s) => s.id).join(", ")}`);
  const options: MockOptions & { help: false; port: number } = { help: false, port: number("port", values.port, 8787, 65535)! };
  if (scenario) options.scenario = scenario;
  const set = (key: "firstChunkDelayMs" | "chunkDelayMs" | "jitterMs" | "seed", name: string, raw: string | undefined) => {
    const value = number(name, raw, undefined);
    if (value !== undefined) options[key] = value;
  };
  set("firstChunkDelayMs", "first-chunk-delay", values["first-chunk-delay"]);
  set("chunkDelayMs", "chunk-delay", values["chunk-delay"]);
  set("jitterMs", "jitter", values.jitter);
  set("seed", "seed", values.seed);
  return options;
}
