// What a Vite production build of an app using the recorder emits: no chunk
// over Vite's 500 kB warning and no tokenizer file the app cannot load; the
// tokenizer the app chose, and only that one, once it opts in.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultClientConditions, type Rollup } from "vite";
import { describe, expect, it } from "vitest";

const KB = 1000;

/** builds an app whose entry is `main`, in memory; its chunks with the modules each holds */
async function buildApp(main: string): Promise<{ fileName: string; bytes: number; modules: string[] }[]> {
  // inside the package, so the app imports @llmscope/core as a dependent would (by its exports)
  const root = await mkdtemp(fileURLToPath(new URL("./.vite-app-", import.meta.url)));
  const cacheDir = await mkdtemp(join(tmpdir(), "llmscope-vite-cache-"));
  try {
    await writeFile(join(root, "index.html"), '<!doctype html><script type="module" src="./main.ts"></script>');
    await writeFile(join(root, "main.ts"), main);
    const result = (await build({
      root,
      cacheDir,
      configFile: false,
      logLevel: "silent",
      mode: "production",
      // what `vite build` resolves with (it sets NODE_ENV=production; under a test runner it is "test")
      resolve: { conditions: ["@llmscope/source", ...defaultClientConditions.map((c) => c.replace("development|production", "production"))] },
      build: { write: false },
    })) as Rollup.RollupOutput;
    return result.output
      .filter((o): o is Rollup.OutputChunk => o.type === "chunk")
      .map((c) => ({ fileName: c.fileName, bytes: Buffer.byteLength(c.code), modules: Object.keys(c.modules) }));
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}
const holding = (chunks: { modules: string[] }[], library: string) => chunks.filter((c) => c.modules.some((m) => m.includes(`/${library}/`)));

describe("a Vite production build of an app using the recorder", () => {
  it("emits no chunk over 500 kB and no tokenizer", async () => {
    const chunks = await buildApp(`
      import { createRecorder, memorySink, beaconSink } from "@llmscope/core";
      createRecorder({ sinks: [memorySink(), beaconSink({ url: "/llmscope/v1/calls" })] }).install();`);
    for (const c of chunks) expect(c.bytes, c.fileName).toBeLessThan(500 * KB);
    expect(holding(chunks, "gpt-tokenizer")).toEqual([]);
    expect(holding(chunks, "js-tiktoken")).toEqual([]);
  }, 120_000);

  it("emits gpt-tokenizer alone, one lazy chunk per encoding, when the app passes estimateUsage", async () => {
    const chunks = await buildApp(`
      import { createRecorder, memorySink } from "@llmscope/core";
      import { estimateUsage } from "@llmscope/core/tokens";
      createRecorder({ sinks: [memorySink()], tokenizer: estimateUsage }).install();`);
    expect(holding(chunks, "js-tiktoken")).toEqual([]);
    const encodings = holding(chunks, "gpt-tokenizer").filter((c) => c.modules.some((m) => /bpeRanks/.test(m)));
    expect(encodings.map((c) => c.modules.filter((m) => /bpeRanks/.test(m)).map((m) => m.replace(/.*bpeRanks\//, "")))).toEqual(
      expect.arrayContaining([["o200k_base.js"], ["cl100k_base.js"]]),
    );
    // the main chunk loads them only when a call needs one
    const main = chunks.find((c) => c.modules.some((m) => m.endsWith("/main.ts")))!;
    expect(main.modules.some((m) => /gpt-tokenizer/.test(m))).toBe(false);
  }, 120_000);

  it("emits js-tiktoken alone when the app chooses it", async () => {
    const chunks = await buildApp(`
      import { createRecorder, memorySink } from "@llmscope/core";
      import { jsTiktoken } from "@llmscope/core/tokens/js-tiktoken";
      createRecorder({ sinks: [memorySink()], tokenizer: jsTiktoken }).install();`);
    expect(holding(chunks, "gpt-tokenizer")).toEqual([]);
    expect(holding(chunks, "js-tiktoken").length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
