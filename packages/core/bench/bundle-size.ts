// Bundle sizes as an app bundler would see them: esbuild, minified, gzipped.
// What loads by dynamic import stays out, as size-limit counts it: the
// estimator and tokenizers (#tokenizer, only when a count must be estimated)
// the browser's IndexedDB outbox (#beacon-outbox, only after a failed send),
// the beacon's delivery (#beacon-delivery, begun when a beacon sink is created),
// the trace finish (#trace-finish, only once a trace has ended) and the
// call-end chunk (#call-end: error classification, fingerprint, secrets scrub
// and the price table, loaded when recording starts, awaited by the first
// call to end if it has not arrived yet).
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const coreDir = fileURLToPath(new URL("..", import.meta.url));

/** keeps the named core layers out, to measure what is left on its own */
const without = (layers: string[]): Plugin => ({
  name: "without",
  setup(b) {
    // a layer's index, or its registry (the recorder finds providers there directly)
    const filter = new RegExp(`/(${layers.join("|")})/(index|registry)\\.ts$`);
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
    external: ["gpt-tokenizer", "js-tiktoken", "#tokenizer", "#beacon-outbox", "#beacon-delivery", "#trace-finish", "#call-end"],
    plugins,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.byteLength, gz: gzipSync(code).byteLength };
}

const CORE = `export { createRecorder, memorySink, beaconSink } from "./src/index.ts";`;

export const coreBundle = () => minGzip(CORE);

// the same bundle, imported past the package index: a layer left out as
// external must not turn the index's `export *` into a whole namespace
const DIRECT = `export { createRecorder } from "./src/recorder/index.ts"; export { memorySink } from "./src/sinks/memory-sink.ts";`;
const BEACON = `export { beaconSink } from "./src/sinks/beacon-sink.ts";`;

export const recorderOnly = () => minGzip(DIRECT, [without(["providers", "errors", "pricing", "tokens", "fingerprint"])]);

/** what each part adds to the core bundle: its size minus the size without it (gzip shares context, so parts do not add up exactly) */
export async function coreParts(): Promise<{ part: string; gz: number }[]> {
  const all = (await minGzip(DIRECT + BEACON)).gz;
  const parts: [string, Promise<{ gz: number }>][] = [
    ["beaconSink", minGzip(DIRECT)],
    ["the seven provider adapters' wires (their request readers are in the call-end chunk)", minGzip(DIRECT + BEACON, [without(["providers"])])],
  ];
  return Promise.all(parts.map(async ([part, size]) => ({ part, gz: all - (await size).gz })));
}

/**
 * what the call-end chunk adds when it loads as recording starts (the
 * request's reading, error classification, fingerprint, estimate trigger,
 * price table, secrets scrub): the main bundle with it minus the main bundle,
 * so code the two share (the adapters' wires, text capture) counts once
 */
export async function callEndChunk(): Promise<{ min: number; gz: number }> {
  const [main, both] = await Promise.all([coreBundle(), minGzip(`${CORE} export * from "./src/recorder/call-end.ts";`)]);
  return { min: both.min - main.min, gz: both.gz - main.gz };
}
