// "No tokenizer in the Worker bundle unless asked for": wrangler bundles a
// Worker into one file and inlines dynamic imports, so this bundles core the
// same way (the "workerd" condition) and looks for the tokenizers.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const WORKER_CONDITIONS = ["@llmscope/source", "workerd", "worker", "browser"];

async function workerBundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    conditions: WORKER_CONDITIONS,
    mainFields: ["browser", "module", "main"],
    minify: true,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("a Worker bundle", () => {
  it("holds neither tokenizer nor idb when the tokenizer is not imported", async () => {
    const code = await workerBundle(
      `import { createRecorder, beaconSink } from "@llmscope/core";
       export default createRecorder({ sinks: [beaconSink({ url: "https://collector.example/v1/calls" })] });`,
    );
    expect(code).not.toMatch(/gpt-tokenizer|js-tiktoken|o200k|cl100k/);
    expect(code).not.toContain("openDB");
    // the recorder itself: tens of KB, where the tokenizers are megabytes
    expect(code.length).toBeLessThan(100_000);
  }, 30_000);

  it("holds the tokenizer once @llmscope/core/tokens is imported and passed in", async () => {
    const code = await workerBundle(
      `import { createRecorder } from "@llmscope/core";
       import { estimateUsage } from "@llmscope/core/tokens";
       export default createRecorder({ tokenizer: estimateUsage });`,
    );
    expect(code.length).toBeGreaterThan(1_000_000);
  }, 30_000);
});
