// The price table leaves the main chunk: loaded once through #call-cost in
// browser and Node builds, linked in statically where a Worker bundle would
// inline the dynamic import anyway (the "workerd" condition, price-eager.ts).
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { computeCost } from "../pricing/compute-cost.ts";
import { loadPricing, pricingNow } from "./price-lazy.ts";

const ENTRY = `export { createRecorder } from "@llmscope/core";`;
// a run of the compact price table, present only where the table is bundled
const TABLE_TEXT = "text-embedding-3-small";

async function bundle(conditions: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    conditions: ["@llmscope/source", ...conditions],
    mainFields: ["browser", "module", "main"],
    external: ["#tokenizer", "#beacon-outbox", "#trace-finish", "#call-cost"],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("the recorder's pricing", () => {
  it("loads the pricing code once, and has it at hand from then on", async () => {
    const [first, second] = await Promise.all([loadPricing(), loadPricing()]);
    expect(first).toBe(computeCost);
    expect(second).toBe(first);
    expect(pricingNow()).toBe(computeCost);
  });

  it("keeps the price table out of a browser bundle's main chunk, behind #call-cost", async () => {
    const code = await bundle(["browser"]);
    expect(code).toContain('import("#call-cost")');
    expect(code).not.toContain(TABLE_TEXT);
  }, 30_000);

  it("links the price table into a Worker bundle, with no dynamic import to wait for", async () => {
    const code = await bundle(["workerd", "worker", "browser"]);
    expect(code).toContain(TABLE_TEXT);
    expect(code).not.toContain("#call-cost");
  }, 30_000);
});
