// Profiles `llmscope serve` (node --cpu-prof) fed the trace-ingest bench's
// calls-only or with-traces bodies from 4 clients, and prints each server
// thread's CPU over the measured part (all but the first 20 batches) and that
// part's window on the profile's clock, to compare self times in it:
// `prof-trace-ingest.ts <plain|traced> <calls> <profile dir, or - for none>`.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { CLI_ARGS, waitForExit } from "../e2e/helpers/run-cli.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postBodies } from "./post-bodies.ts";
import { traceBodies } from "./trace-bodies.ts";

const [kind, calls, dir] = process.argv.slice(2);
const bodies = traceBodies(Number(calls), 250, Date.UTC(2026, 1, 1), kind === "traced");
const tmp = tempDbPath();
const child = spawn(process.execPath, [...(dir === "-" ? [] : ["--cpu-prof", `--cpu-prof-dir=${dir}`]), ...CLI_ARGS, "serve", "--port", "0", "--db", tmp.path, "--write-key", "bench", "--rate", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<string>((resolve) => {
  let out = "";
  child.stdout!.on("data", (c) => { out += c; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]!); });
});
await postBodies(url, bodies.slice(0, 20), 4);
const threads = () => new Map<string, readonly [string, number, number]>(readdirSync(`/proc/${child.pid}/task`).map((t) => {
  const [name, rest] = readFileSync(`/proc/${child.pid}/task/${t}/stat`, "utf8").split(/^\d+ \(|\) /).slice(1);
  const f = rest!.split(" ");
  return [t, [`${t} ${name}`, (Number(f[11]) + Number(f[12])) * 10, Number(f[11]) * 10] as const];
}));
const c0 = threads();
const t0 = performance.now();
const h0 = process.hrtime.bigint() / 1000n;
await postBodies(url, bodies.slice(20), 4);
const h1 = process.hrtime.bigint() / 1000n;
const c1 = threads();
process.stderr.write(`${kind}: ${((performance.now() - t0) / 1000).toFixed(2)} s window ${h0} ${h1}\n`);
for (const [t, [name, ms, user]] of c1) {
  const [, ms0, user0] = c0.get(t) ?? ["", 0, 0];
  if (ms - ms0 > 0) process.stderr.write(`  thread ${name}: ${ms - ms0} ms CPU (user ${user - user0})\n`);
}
child.kill("SIGTERM");
await waitForExit(child);
tmp.cleanup();
