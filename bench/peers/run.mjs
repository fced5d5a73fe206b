// `pnpm bench:peers`: llmscope beside the instrumentations users would
// install instead, measured in one run. See README.md.
import { fork } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { startIntake } from "./intake.mjs";
import { report } from "./report.mjs";
import { VARIANTS } from "./variants/index.mjs";
import { options } from "./workload.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = options();
const rounds = Number(args.rounds ?? 5);
/** a build of @llmscope/core (its dist folder) given on the command line, as a URL */
const build = (path) => path && new URL(`${path.replace(/\/$/, "")}/`, `file://${process.cwd()}/`).href;
// --baseline=<a build>: llmscope measured as it was, beside as it is; --dist=<a build>: the one measured as it is (default: the workspace's)
const baseline = build(args.baseline);
const current = build(args.dist);
const BASELINE = { "llmscope-memory@baseline": "llmscope-memory", "llmscope-beacon@baseline": "llmscope-beacon" };
const only = args.variants?.split(",") ?? [...Object.keys(VARIANTS), ...(baseline ? Object.keys(BASELINE) : [])];
/** the job for a variant: a baseline one runs its llmscope variant on the baseline build */
const jobOf = (variant) => (BASELINE[variant] ? { variant: BASELINE[variant], dist: baseline } : { variant, dist: current });
const speedJob = {
  warmup: Number(args.warmup ?? 30),
  calls: Number(args.calls ?? 300),
  streams: Number(args.streams ?? 100),
  warmAfter: Number(args.warmAfter ?? 2000),
  // pairs of blocks, once warm, taking turns with the bare SDK loaded apart in the same process (variant.mjs)
  beside: Number(args.beside ?? 8),
  besideCalls: Number(args.besideCalls ?? 150),
};
const memoryCalls = Number(args.memoryCalls ?? 3000);
// then rounds of processes that stop before the warm calls: a process's stream times and starting CPU vary between processes
// far more than its warm CPU does (the bare SDK against itself: ×0.64 to ×1.23 in a process's median first chunk), so those
// columns pool more rounds, each as cheap as a process that skips the 2000 warming calls
const shortRounds = Number(args.shortRounds ?? 24);
const shortJob = { ...speedJob, warmAfter: 0 };

/** a child process that prints one JSON line */
function child(file, arg, execArgv = []) {
  return new Promise((resolve, reject) => {
    const p = fork(here(file), [JSON.stringify(arg)], { stdio: ["ignore", "pipe", "inherit", "ipc"], execArgv });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("exit", (code) => (code ? reject(new Error(`${arg.variant} exited with ${code}`)) : resolve(JSON.parse(out.trim().split("\n").pop()))));
  });
}
const startMock = () =>
  new Promise((resolve, reject) => {
    const p = fork(here("mock-server.mjs"));
    p.once("message", (url) => resolve({ url, close: () => p.disconnect() }));
    p.once("exit", (code) => reject(new Error(`mock server exited (${code})`)));
  });
/** a 127.0.0.1 port nothing listens on: the endpoint is down */
const deadPort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const mock = await startMock();
const intake = await startIntake();
const results = Object.fromEntries(only.map((v) => [v, { speed: [], short: [], delivered: [], memory: undefined }]));
try {
  // count rounds of job, each variant's figures kept under key; each round starts with another variant, so none always runs first or last
  const roundsOf = async (count, job, key, name) => {
    for (let r = 0; r < count; r++) {
      for (const variant of only.map((_, i) => only[(i + r) % only.length])) {
        const m = await child("variant.mjs", { ...jobOf(variant), mode: "speed", mockUrl: mock.url, sinkUrl: `${intake.url}/${variant}`, ...job });
        results[variant][key].push(m);
        results[variant].delivered.push({ made: m.made, kept: m.kept, ...intake.take(variant) });
      }
      console.error(`${name} ${r + 1}/${count} done`);
    }
  };
  await roundsOf(rounds, speedJob, "speed", "round");
  await roundsOf(shortRounds, shortJob, "short", "short round");
  const down = `http://127.0.0.1:${await deadPort()}`;
  for (const variant of only) {
    results[variant].memory = await child("variant.mjs", { ...jobOf(variant), mode: "memory", mockUrl: mock.url, sinkUrl: `${down}/${variant}`, calls: memoryCalls }, ["--expose-gc"]);
  }
} finally {
  mock.close();
  await intake.close();
}
const table = report(results, { rounds, shortRounds, ...speedJob, memoryCalls });
console.log(table);
// --write=no: a run while iterating, printed only
const write = args.write !== "no";
if (write) writeFileSync(here("RESULTS.md"), table + "\n");
// BENCHMARKS.md keeps the latest table in its own marked section
const doc = here("../../BENCHMARKS.md");
if (write && existsSync(doc)) {
  const text = readFileSync(doc, "utf8");
  const section = `<!-- peers -->\n${table}\n<!-- /peers -->`;
  const marked = /<!-- peers -->[\s\S]*<!-- \/peers -->/;
  writeFileSync(doc, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}
