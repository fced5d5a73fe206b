// Bundle size a Worker pays for withLLMScope: the same Worker bundled with and
// without it, minified and gzipped as Cloudflare measures an upload.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { WORKER_CONDITIONS } from "../e2e/harness/bundle-worker.ts";

/** core's lazily imported tokenizers: a Worker build resolves core's import of them to a stub, so marking them external should change nothing */
export const TOKENIZER_PACKAGES = ["gpt-tokenizer", "js-tiktoken"];

export interface BundleSize {
  minified: number;
  gzipped: number;
}

export async function bundleSize(entry: string, external: string[] = []): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: WORKER_CONDITIONS,
    mainFields: ["browser", "module", "main"],
    external: ["node:*", "cloudflare:*", ...external.flatMap((name) => [name, `${name}/*`])],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}
