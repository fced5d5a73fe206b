// Slow clients without a key against a real `llmscope serve`: each declares a
// 1 MiB body, sends most of it and stalls. Prints the server's resident memory
// and how long a health check takes while they hang on, then how much
// keyed ingest gets through while keyless clients hammer the server.
// Run: node --import tsx --conditions=@llmscope/source bench/slow-clients.ts [connections]
import { connect, type Socket } from "node:net";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { startServeProcess } from "../e2e/helpers/run-cli.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { makeCall } from "../src/testing/make-call.ts";

const CONNECTIONS = Number(process.argv[2] ?? 1500);
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

const tmp = tempDbPath();
const { child, url } = await startServeProcess(["--db", tmp.path, "--no-quality"], { LLMSCOPE_WRITE_KEY: "w", LLMSCOPE_READ_KEY: "r" });
const { port } = new URL(url);
// keyed ingest alone, then with 8 keyless clients posting 1 MiB bodies in a loop
const body = JSON.stringify({ v: 1, sentAt: Date.now(), calls: Array.from({ length: 50 }, () => makeCall()) });
async function ingestFor(ms: number): Promise<number> {
  let n = 0;
  for (const end = performance.now() + ms; performance.now() < end; n++) {
    const res = await fetch(`${url}/v1/calls`, { method: "POST", headers: { authorization: "Bearer w" }, body: body.replace(/"id":"[^"]+"/g, () => `"id":"${crypto.randomUUID()}"`) });
    await res.arrayBuffer();
  }
  return n;
}
const alone = await ingestFor(3000);
// the keyless clients run in their own thread, so their loop does not starve this one's
const hammers = new Worker(
  `const { workerData, parentPort } = require("node:worker_threads");
   let stop = false;
   parentPort.on("message", () => (stop = true));
   const junk = "x".repeat(1024 * 1024 - 10);
   const hammer = async () => { while (!stop) await fetch(workerData + "/v1/calls", { method: "POST", body: junk }).then((r) => r.arrayBuffer(), () => {}); };
   Promise.all(Array.from({ length: 8 }, hammer)).then(() => process.exit(0));`,
  { eval: true, workerData: url },
);
await new Promise((r) => setTimeout(r, 500));
const contended = await ingestFor(3000);
hammers.postMessage("stop");
await new Promise((r) => hammers.once("exit", r));
console.log(`keyed ingest: ${alone} batches in 3 s alone, ${contended} with 8 keyless clients (${((1 - contended / alone) * 100).toFixed(0)}% less)`);
const sockets: Socket[] = [];
const chunk = Buffer.alloc(64 * 1024, "x");
const baseline = rssMiB(child.pid!);
for (let i = 0; i < CONNECTIONS; i++) {
  const s = connect(Number(port), "127.0.0.1");
  s.on("error", () => {});
  s.write(`POST /v1/calls HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/plain\r\ncontent-length: ${1024 * 1024}\r\n\r\n`);
  for (let k = 0; k < 15; k++) s.write(chunk);
  sockets.push(s);
  if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50));
}
await new Promise((r) => setTimeout(r, 3000));
const t0 = performance.now();
const health = await fetch(`${url}/v1/health`, { headers: { authorization: "Bearer r" } });
const healthMs = performance.now() - t0;
const open = sockets.filter((s) => !s.destroyed).length;
console.log(`${CONNECTIONS} slow keyless connections: server RSS ${baseline.toFixed(0)} → ${rssMiB(child.pid!).toFixed(0)} MiB, health ${health.status} in ${healthMs.toFixed(0)} ms, ${open} still open`);
for (const s of sockets) s.destroy();

child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
tmp.cleanup();
