import { fileURLToPath } from "node:url";
import { build, createServer, defaultClientConditions, type InlineConfig, type ViteDevServer } from "vite";
import react from "@vitejs/plugin-react";
import { mockLLMPlugin } from "@llmscope/mock-llm/vite";

export const fixtureRoot = fileURLToPath(new URL("./fixture/", import.meta.url));

function fixtureConfig(): InlineConfig {
  return {
    configFile: false,
    root: fixtureRoot,
    logLevel: "error",
    plugins: [react(), mockLLMPlugin({ firstChunkDelayMs: 10, chunkDelayMs: 3 })],
    resolve: { conditions: ["@llmscope/source", ...defaultClientConditions] },
  };
}

/** The fixture app on a Vite dev server at 127.0.0.1 on a free port, the mock LLM under /mock-llm. */
export async function startFixtureServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({ ...fixtureConfig(), server: { host: "127.0.0.1", port: 0, hmr: false } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the fixture server has no local URL");
  return { server, url };
}

/** A production build of the fixture app; returns every emitted JS chunk's text. */
export async function buildFixture(outDir: string): Promise<string[]> {
  // the test runner sets NODE_ENV=test, and Vite keeps an existing NODE_ENV: build as a shell's `vite build` would
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({ ...fixtureConfig(), mode: "production", build: { outDir, emptyOutDir: true, write: false, minify: true } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  return outputs.filter((o) => o.type === "chunk").map((o) => (o.type === "chunk" ? o.code : ""));
}
