// Bundle sizes as an app bundler would see them: esbuild, minified, gzipped.
// What loads by dynamic import stays out, as size-limit counts it: the
// estimator and tokenizers (#tokenizer, only when a count must be estimated)
// and the browser's IndexedDB outbox (#beacon-outbox, only after a failed send).
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const coreDir = fileURLToPath(new URL("..", import.meta.url));

/** keeps the named core layers out, to measure what is left on its own */
const without = (layers: string[]): Plugin => ({
  name: "without",
  setup(b) {
    const filter = new RegExp(`/(${layers.join("|")})/index\\.ts$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
  },
});

export async function minGzip(entry: string, plugins: Plugin[] = []): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: coreDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    treeShaking: true,
    external: ["gpt-tokenizer", "js-tiktoken", "#tokenizer", "#beacon-outbox"],
    plugins,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.byteLength, gz: gzipSync(code).byteLength };
}

export const coreBundle = () => minGzip(`export { createRecorder, memorySink, beaconSink } from "./src/index.ts";`);

export const recorderOnly = () =>
  minGzip(`export { createRecorder } from "./src/recorder/index.ts"; export { memorySink } from "./src/sinks/memory-sink.ts";`, [
    without(["providers", "errors", "pricing", "tokens", "fingerprint"]),
  ]);
