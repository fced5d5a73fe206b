// Bundles a Worker entry the way wrangler would, but resolving @llmscope/*
// packages to their TypeScript sources so tests run against the code as it is.
import { build } from "esbuild";

export const WORKER_CONDITIONS = ["@llmscope/source", "workerd", "worker", "browser"];

export interface BundleOptions {
  minify?: boolean;
}

export async function bundleWorker(entry: string, options: BundleOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: WORKER_CONDITIONS,
    mainFields: ["browser", "module", "main"],
    // the Workers runtime provides these itself (node:* under nodejs_compat)
    external: ["node:*", "cloudflare:*"],
    minify: options.minify ?? false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}
