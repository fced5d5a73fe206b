// `pnpm bench`: the devtools with 10,000 calls in Chromium (search keystroke to
// painted result, rows in the DOM), the lazy chunk's size as built by Vite, and
// how many bytes of devtools code a production build of an app carries.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, defaultClientConditions, preview } from "vite";
import react from "@vitejs/plugin-react";
import { launchChromium } from "../e2e/browser.ts";
import { buildFixture } from "../e2e/fixture-server.ts";
import { measureTraceFilter, type TraceFilterResult } from "./trace-filter.ts";

const root = fileURLToPath(new URL("./fixture/", import.meta.url));
const calls = 10_000;
const callsPerTrace = 5;
const traces = calls / callsPerTrace;
const query = "lighthouse";
const rounds = 5;
// strings only the devtools contain; a chunk holding one is devtools code
const panelMarker = "Search prompts and completions";
const devtoolsMarkers = [panelMarker, "Copy as cURL", "Loading LLM devtools", "toggle-bottom-right", "data-llmscope-devtools"];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percentileOf = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function withEnv<T>(nodeEnv: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return await fn();
  } finally {
    process.env.NODE_ENV = previous;
  }
}

const outDir = await mkdtemp(join(tmpdir(), "llmscope-react-bench-"));
const config = {
  configFile: false as const,
  root,
  logLevel: "error" as const,
  plugins: [react()],
  resolve: { conditions: ["@llmscope/source", ...defaultClientConditions] },
};
try {
  const output = await withEnv("production", () => build({ ...config, mode: "production", build: { outDir, emptyOutDir: true } }));
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((r) => ("output" in r ? r.output : [])).filter((o) => o.type === "chunk");
  const panelChunk = chunks.find((c) => c.type === "chunk" && c.code.includes(panelMarker));
  if (!panelChunk || panelChunk.type !== "chunk") throw new Error("no chunk holds the panel");
  const viewChunks = chunks.filter((c) => c.type === "chunk" && /-view-/.test(c.fileName));
  const traceChunk = chunks.find((c) => c.type === "chunk" && c.code.includes("Filter requests"));
  const gz = (code: string) => gzipSync(code, { level: 9 }).length;

  const server = await preview({ ...config, build: { outDir }, preview: { host: "127.0.0.1", port: 0 } });
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  let latencies: number[] = [];
  let rows = 0;
  let matched = "";
  let traceFilter: TraceFilterResult = { latencies: [], rows: 0, matched: "" };
  try {
    const page = await browser.context.newPage();
    await page.goto(url!);
    const search = page.getByRole("searchbox", { name: "Search prompts and completions" });
    await search.waitFor();
    await page.evaluate(([n, per]) => (window as unknown as { bench: { emit(n: number, per: number): void } }).bench.emit(n!, per!), [calls, callsPerTrace]);
    await page.getByText(`${calls} calls`).waitFor();
    rows = await page.getByRole("listbox", { name: "LLM calls" }).getByRole("option").count();
    // keystroke → the next frame after React has committed the filtered list → the task after that frame's paint
    await page.evaluate(() => {
      const w = window as unknown as { latencies: number[] };
      w.latencies = [];
      const host = document.querySelector("[data-llmscope-devtools]")!.shadowRoot!;
      host.addEventListener(
        "input",
        () => {
          const start = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0));
        },
        true,
      );
    });
    for (let round = 0; round < rounds; round++) {
      await search.fill("");
      await search.pressSequentially(query, { delay: 60 });
      await page.waitForTimeout(100);
    }
    latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
    matched = (await page.locator(".shown").first().innerText()).trim();
    traceFilter = await measureTraceFilter(page, traces, query, rounds);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }

  const appChunks = await buildFixture(join(outDir, "app"));
  const devtoolsBytes = appChunks.filter((code) => devtoolsMarkers.some((m) => code.includes(m))).reduce((sum, code) => sum + code.length, 0);

  const lines = [
    "## Devtools",
    "",
    `${calls.toLocaleString("en-US")} synthetic calls replayed into \`<LLMDevtools />\` (production build, Chromium headless); search typed one key at a time, ${rounds} × "${query}" (${latencies.length} keystrokes, ${matched}).`,
    "",
    "| measure | value | goal |",
    "|---|---|---|",
    `| search keystroke → painted result, median | ${percentileOf(latencies, 50).toFixed(1)} ms | ≤ 50 ms |`,
    `| search keystroke → painted result, p95 | ${percentileOf(latencies, 95).toFixed(1)} ms | ≤ 50 ms |`,
    `| list rows in the DOM with ${calls.toLocaleString("en-US")} calls | ${rows} | ≤ 100 |`,
    `| panel chunk (lazy, loaded on open), min+gz | ${kb(gz(panelChunk.code))} (${kb(panelChunk.code.length)} min) | ≤ 25 KB |`,
    `| analysis view chunks (lazy, per tab), min+gz | ${viewChunks.map((c) => (c.type === "chunk" ? kb(gz(c.code)) : "")).join(" + ")} | |`,
    `| Traces filter keystroke → painted result (${traces.toLocaleString("en-US")} requests holding the ${calls.toLocaleString("en-US")} calls; ${traceFilter.latencies.length} keystrokes, ${traceFilter.matched}), median | ${percentileOf(traceFilter.latencies, 50).toFixed(1)} ms | ≤ 50 ms |`,
    `| Traces filter keystroke → painted result, p95 | ${percentileOf(traceFilter.latencies, 95).toFixed(1)} ms | ≤ 50 ms |`,
    `| Traces filter keystroke → painted result, worst | ${Math.max(...traceFilter.latencies).toFixed(1)} ms | |`,
    `| request rows in the DOM with ${traces.toLocaleString("en-US")} requests | ${traceFilter.rows} | ≤ 100 |`,
    `| trace views chunk (lazy, Traces and Conversation tabs), min+gz | ${traceChunk && traceChunk.type === "chunk" ? kb(gz(traceChunk.code)) : "not found"} | |`,
    `| devtools code in an app's production build (\`@llmscope/react\`) | ${devtoolsBytes} bytes | 0 |`,
  ];
  console.log(lines.join("\n"));
} finally {
  await rm(outDir, { recursive: true, force: true });
}
