import { fork } from "node:child_process";
import { createRecorder, memorySink } from "./dist/index.js";
import { CHAT_PATH, requestBody } from "./bench/fixtures.ts";
import { paired } from "./bench/measure.ts";
const child = fork("./bench/loopback-server.ts", [process.argv[2] ?? "mock"], { execArgv: ["--import", "tsx"] });
const base = await new Promise<string>((r) => child.once("message", (m) => r(String(m))));
const url = base + CHAT_PATH;
const init = { method: "POST", headers: { "content-type": "application/json" }, body: requestBody };
const rt = (f: typeof fetch) => async () => { const t0 = performance.now(); await (await f(url, init)).arrayBuffer(); return performance.now() - t0; };
const full = createRecorder({ sinks: [memorySink({ capacity: 100 })], estimateTokens: false }).wrap(fetch);
const cloneOnly = (async (u: any, i: any) => { const r = await fetch(u, i); r.clone().arrayBuffer(); return r; }) as typeof fetch;
const rebuildOnly = (async (u: any, i: any) => { const r = await fetch(u, i); const rd = r.body!.getReader(); const s = new ReadableStream({ start(c) { (async () => { for (;;) { const x = await rd.read(); if (x.done) { c.close(); return; } c.enqueue(x.value); } })(); } }); return new Response(s, r); }) as typeof fetch;
const turns = Number(process.argv[3] ?? 300);
for (const [name, f] of [["clone", cloneOnly], ["rebuild", rebuildOnly], ["full", full]] as const) {
  const [a, b] = await paired(rt(fetch), rt(f), { turns, warmup: 20 });
  console.log(name.padEnd(8), a.toFixed(3), b.toFixed(3), "Δ", ((b - a) * 1000).toFixed(0), "µs");
}
child.disconnect();
