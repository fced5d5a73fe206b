// `tsx bench/sdk-ab.ts [--baseline=<a build's dist>[,<another>…]] [--calls=330] [--skip=30] [--http] [--beacon] [--baseline-first]`:
// the openai SDK bare and through this build's recorder (memorySink), and
// another build's beside it when given, in one fresh process. The sides take
// turns call by call, in an order rotated every call, so a busy machine slows
// each side alike; figures are taken over the calls after `skip`, mostly code
// the JIT has not optimized yet, as the peer benchmark measures. Reports the
// CPU a JSON call adds (its flush included) and a stream's time to its first
// and last chunk against bare.
//
// By default the SDK's fetch serves the mock LLM server's own answers in
// process (a stream in three pieces, a task apart, as a socket hands a fast
// local answer over). `--http`: real HTTP on 127.0.0.1 to the mock in a
// process of its own, with no delay (what the peer benchmark measures: undici's
// own Response and headers, the body read off a socket). `--beacon` adds each
// build with beaconSink, posting to a local endpoint that answers as the
// collector does; it sends a batch at the end of the warm-up (which goes plain,
// as a first batch does) and every 100 turns after (the CPU of serialising,
// gzipping and posting spread over the calls as a real run's timer would).
//
// CPU is given twice: the median call, and the mean of all calls. Garbage
// collection lands in whichever side's turn fills the young generation, so a
// side is charged in proportion to what it allocates, but only in the mean:
// the median leaves collections (and the beacon's batches) out.
import OpenAI from "openai";
import { createMockLLM } from "@llmscope/mock-llm";
import { CHAT_PATH } from "./fixtures.ts";
import { startServer } from "./loopback.ts";
import { median } from "./measure.ts";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const calls = Number(args.calls ?? 330);
const skip = Number(args.skip ?? 30);
const http = "http" in args;
const servers = http ? [await startServer("mock-now")] : [];
const intake = "beacon" in args ? await startServer("intake") : undefined;
const URL_ = http ? servers[0]!.url.slice(0, -CHAT_PATH.length) + "/v1" : "http://127.0.0.1:9/v1";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0, jitterMs: 0 });
const answer = (stream: boolean) =>
  mock(new Request(`${URL_}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream, ...(stream ? { stream_options: { include_usage: true } } : {}) }) }));
const json = await answer(false);
const jsonHeaders = [...json.headers];
const jsonText = await json.text();
const sse = await answer(true);
const sseHeaders = [...sse.headers];
const bytes = new Uint8Array(await sse.arrayBuffer());
const pieces = [0, 1, 2].map((i) => bytes.subarray(Math.floor((i * bytes.length) / 3), Math.floor(((i + 1) * bytes.length) / 3)));
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));
const serveInProcess = (async (_input: unknown, init?: RequestInit) => {
  if (!String(init?.body).includes('"stream":true')) return new Response(jsonText, { headers: jsonHeaders });
  let i = 0;
  return new Response(new ReadableStream<Uint8Array>({ pull: (c) => nextTask().then(() => (i < pieces.length ? c.enqueue(pieces[i++]!.slice()) : c.close())) }), { headers: sseHeaders });
}) as typeof fetch;
const serve = http ? fetch : serveInProcess;

interface Side {
  openai: OpenAI;
  flush: () => Promise<void>;
  /** every 100th turn: what delivers a batch (the beacon's send) */
  send?: () => Promise<void>;
  cpu: number[];
  first: number[];
  last: number[];
}
const side = (fetch: typeof globalThis.fetch, flush = async () => {}, send?: () => Promise<void>): Side => ({ openai: new OpenAI({ apiKey: "sk-bench", baseURL: URL_, maxRetries: 0, fetch }), flush, send, cpu: [], first: [], last: [] });
type Core = typeof import("../src/index.ts");
const recorded = async (dist: string) => {
  const { createRecorder, memorySink } = (await import(dist)) as Core;
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 1000 })] });
  return side(recorder.wrap(serve), () => recorder.flush());
};
/** beaconSink, its sends held to every 100th turn: recorder.flush() then waits for the recorder's own work alone */
const beaconed = async (dist: string) => {
  const { createRecorder, beaconSink } = (await import(dist)) as Core;
  const beacon = beaconSink({ url: `${intake!.url.slice(0, -CHAT_PATH.length)}/v1/calls`, flushIntervalMs: 3_600_000 });
  const recorder = createRecorder({ sinks: [{ ...beacon, flush: async () => {} }] });
  return side(recorder.wrap(serve), () => recorder.flush(), () => beacon.flush());
};
const builds: Record<string, string> = { "this build": new URL("../dist/index.js", import.meta.url).href };
// several builds, comma-separated, are named by their folder above dist; each dist must sit in its package, whose "imports" its lazily loaded chunks resolve through
const baselines = args.baseline?.split(",") ?? [];
for (const path of baselines)
  builds[baselines.length > 1 ? `baseline ${path.replace(/\/?dist\/?$/, "").split("/").pop()}` : "baseline"] = new URL(`${path.replace(/\/$/, "")}/index.js`, `file://${process.cwd()}/`).href;
// --baseline-first: the builds imported in the other order (two identical builds have run up to ~0.05 ms a call apart
// by the order they were imported in, either way: compare both orders)
const order = "baseline-first" in args ? Object.entries(builds).reverse() : Object.entries(builds);
const sides: Record<string, Side> = { bare: side(serve) };
for (const [name, dist] of order) sides[name] = await recorded(dist);
if (intake) for (const [name, dist] of order) sides[`${name}, beacon`] = await beaconed(dist);

// one template, its values changing call by call, as the peer benchmark's
let n = 0;
const messages = () => [
  { role: "system" as const, content: "You are a support agent for Acme. Answer in two sentences, politely, citing the order number." },
  { role: "user" as const, content: `Customer ann${n++}@example.com asks about order #${1000 + n} placed on 2026-11-30: it has not arrived. ${"Context line about the order. ".repeat(20)}` },
];
const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const names = Object.keys(sides);
for (let i = 0; i < calls; i++) {
  for (const name of names.map((_, j) => names[(i + j) % names.length]!)) {
    const s = sides[name]!;
    const c0 = cpuUs();
    await s.openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
    await s.flush();
    if (s.send && (i % 100 == 99 || i == skip - 1)) await s.send();
    await nextTask();
    const cpu = cpuUs() - c0;
    const t0 = performance.now();
    let first: number | undefined;
    for await (const _chunk of await s.openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages(), stream: true, stream_options: { include_usage: true } })) first ??= performance.now() - t0;
    const last = performance.now() - t0;
    await s.flush();
    await nextTask();
    if (i >= skip) s.cpu.push(cpu / 1000), s.first.push(first!), s.last.push(last);
  }
}
for (const server of [...servers, intake]) server?.close();
const bare = sides.bare!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${http ? "real HTTP on 127.0.0.1" : "in-process fetch"}, ${calls - skip} calls a side after ${skip}\n`);
console.log(`| side | CPU added per JSON call: median | mean | stream: first chunk vs bare | last chunk vs bare |\n|---|---|---|---|---|`);
for (const [name, s] of Object.entries(sides))
  console.log(
    `| ${name} | ${(median(s.cpu) - median(bare.cpu)).toFixed(3)} ms | ${(mean(s.cpu) - mean(bare.cpu)).toFixed(3)} ms | ×${(median(s.first) / median(bare.first)).toFixed(3)} | ×${(median(s.last) / median(bare.last)).toFixed(3)} |`,
  );
