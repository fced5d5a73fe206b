// What a call's end needs (the request's reading, the price table, the error
// classification, the fingerprint, the secrets scrub) leaves the main chunk: loaded once through
// #call-end in browser and Node builds, linked in statically where a Worker
// bundle would inline the dynamic import anyway (the "workerd" condition,
// call-end-eager.ts).
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as callEnd from "./call-end.ts";
import { callEndNow, loadCallEnd } from "./call-end-lazy.ts";

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
    external: ["#tokenizer", "#beacon-outbox", "#trace-finish", "#call-end"],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("the recorder's call-end chunk", () => {
  it("loads once, and is at hand from then on", async () => {
    const [first, second] = await Promise.all([loadCallEnd(), loadCallEnd()]);
    expect(first.finishCall).toBe(callEnd.finishCall);
    expect(first.readCallRequest).toBe(callEnd.readCallRequest);
    expect(second).toBe(first);
    expect(callEndNow()).toBe(first);
  });

  it("keeps the request's reading, the price table, error classification, fingerprint and secrets scrub out of a browser bundle's main chunk, behind #call-end", async () => {
    const code = await bundle(["browser"]);
    expect(code).toContain('import("#call-end")');
    const lazy = ["computeCost", "classifyError", "fingerprintPrompt", "scrubCallSecrets", "finishCall", "readCallRequest", "paramsOf", "buildPrompt", "messageOf", "safeHeaders", "safeUrl", "isSecretName", "deliverTrace"];
    for (const name of lazy) expect(code).not.toMatch(new RegExp(`(function|var|let|const) ${name}\\b`));
    expect(code).not.toContain(TABLE_TEXT);
  }, 30_000);

  it("links the price table into a Worker bundle, with no dynamic import to wait for", async () => {
    const code = await bundle(["workerd", "worker", "browser"]);
    expect(code).toContain(TABLE_TEXT);
    expect(code).not.toContain("#call-end");
  }, 30_000);
});
