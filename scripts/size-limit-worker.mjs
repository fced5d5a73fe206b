// size-limit's esbuild config for the Worker-bundle check: @llmscope/cloudflare's
// withLLMScope with @llmscope/core, built from dist as wrangler builds a Worker
// (the workerd, worker and browser conditions, esbuild's neutral platform), so
// every part core links statically for Workers is counted as a Worker carries
// it, without the lazy-module wrappers a browser build of the same code adds.
// The tokenizers (never in a Worker unless asked for) and the trace finish
// stay out, as the check's name says.
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

export default {
  stdin: { contents: `export { withLLMScope } from "./packages/cloudflare/dist/index.js";`, resolveDir: root, loader: "js" },
  bundle: true,
  format: "esm",
  platform: "neutral",
  conditions: ["workerd", "worker", "browser"],
  mainFields: ["browser", "module", "main"],
  external: ["node:*", "cloudflare:*", "gpt-tokenizer", "js-tiktoken", "#trace-finish"],
  minify: true,
  treeShaking: true,
  outdir: join(tmpdir(), "llmscope-size-limit-worker"),
  allowOverwrite: true,
  write: true,
  logLevel: "silent",
};
