// One variant's speed workload under the V8 profiler, against the same mock
// and counting endpoint as the benchmark: `node profile.mjs llmscope-beacon`.
// Writes a .cpuprofile (open it in Chrome DevTools) and prints the functions
// that took the most self time.
import { fork } from "node:child_process";
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startIntake } from "./intake.mjs";

const variant = process.argv[2] ?? "llmscope-beacon";
const calls = Number(process.argv[3] ?? 2000);
// streamed calls after them (default a quarter as many); 0 profiles JSON calls alone
const streams = Number(process.argv[4] ?? calls / 4);
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const mock = await new Promise((resolve) => {
  const p = fork(here("mock-server.mjs"));
  p.once("message", (url) => resolve({ url, close: () => p.disconnect() }));
});
const intake = await startIntake();
const dir = mkdtempSync(join(tmpdir(), "llmscope-prof-"));
const job = { variant, mode: "speed", mockUrl: mock.url, sinkUrl: `${intake.url}/${variant}`, warmup: 50, calls, streams };
await new Promise((resolve) => fork(here("variant.mjs"), [JSON.stringify(job)], { execArgv: ["--cpu-prof", `--cpu-prof-dir=${dir}`] }).on("exit", resolve));
mock.close();
await intake.close();

const file = join(dir, readdirSync(dir)[0]);
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, "utf8"));
const self = new Map();
const byId = new Map(nodes.map((n) => [n.id, n]));
samples.forEach((id, i) => {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${file}\n${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
