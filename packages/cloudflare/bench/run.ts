// `pnpm bench` in packages/cloudflare: prints the "## Cloudflare Workers"
// section of BENCHMARKS.md.
import { fileURLToPath } from "node:url";
import { bundleSize, TOKENIZER_PACKAGES } from "./bundle-size.ts";
import { measureWallTime } from "./wall-time.ts";

const entry = (name: string) => fileURLToPath(new URL(`./workers/${name}`, import.meta.url));
const bare = entry("bare-worker.ts");
const wrapped = entry("wrapped-worker.ts");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

const [bareSize, ownCode, wrappedNoTokenizer, wrappedAsIs] = await Promise.all([
  bundleSize(bare),
  bundleSize(wrapped, ["@llmscope/core"]),
  bundleSize(wrapped, TOKENIZER_PACKAGES),
  bundleSize(wrapped),
]);
const REQUESTS = 300;
const time = await measureWallTime(bare, wrapped, REQUESTS, 30);

console.log(`## Cloudflare Workers

Bundle of a minimal Worker that relays one chat completion, with and without
\`withLLMScope\` (esbuild, minified, gzip level 9; \`@llmscope/*\` from source).

| bundle | minified | min+gz | added min+gz |
|---|---:|---:|---:|
| without withLLMScope | ${kb(bareSize.minified)} | ${kb(bareSize.gzipped)} | |
| with withLLMScope, @llmscope/core left out (this package's own code) | ${kb(ownCode.minified)} | ${kb(ownCode.gzipped)} | ${kb(ownCode.gzipped - bareSize.gzipped)} |
| with withLLMScope, tokenizer packages (${TOKENIZER_PACKAGES.join(", ")}) marked external | ${kb(wrappedNoTokenizer.minified)} | ${kb(wrappedNoTokenizer.gzipped)} | **${kb(wrappedNoTokenizer.gzipped - bareSize.gzipped)}** (goal ≤ 10 KB) |
| with withLLMScope, one file as wrangler builds it (Worker conditions: core's tokenizer import resolves to a stub, so nothing is inlined) | ${kb(wrappedAsIs.minified)} | ${kb(wrappedAsIs.gzipped)} | ${kb(wrappedAsIs.gzipped - bareSize.gzipped)} |

Wall time per request in Miniflare (workerd, one isolate each), ${time.requests} sequential requests per Worker
after 30 warm-up ones, the two Workers taking turns; the mock LLM on 127.0.0.1 answers with no added delay,
so the numbers are the overhead itself. Records were delivered through \`ctx.waitUntil\` to a local endpoint
(${time.delivered} received).

| | median | p95 |
|---|---:|---:|
| without withLLMScope | ${ms(time.bareMedianMs)} | ${ms(time.bareP95Ms)} |
| with withLLMScope | ${ms(time.wrappedMedianMs)} | ${ms(time.wrappedP95Ms)} |
| ratio (with / without) | **${(time.wrappedMedianMs / time.bareMedianMs).toFixed(2)}×** | ${(time.wrappedP95Ms / time.bareP95Ms).toFixed(2)}× |
| added per request | ${ms(time.wrappedMedianMs - time.bareMedianMs)} | |`);
