// `tsx bench/sdk-ab.ts [--baseline=<a build's dist>] [--calls=330] [--skip=30]`:
// the openai SDK through an in-process fetch that serves the mock LLM
// server's own answers, bare and through this build's recorder (memorySink),
// and another build's beside it when given, in one fresh process. The sides
// take turns call by call, in an order rotated every call, so a busy machine
// slows each side alike; medians of the calls after `skip`, mostly code the
// JIT has not optimized yet, as the peer benchmark measures. Reports the CPU
// a JSON call adds (its flush included) and a stream's time to its first and
// last chunk against bare (three pieces, a task apart, as a socket hands a
// fast local answer over).
import OpenAI from "openai";
import { createMockLLM } from "@llmscope/mock-llm";
import { median } from "./measure.ts";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const calls = Number(args.calls ?? 330);
const skip = Number(args.skip ?? 30);
const URL_ = "http://127.0.0.1:9/v1";

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
const serve = (async (_input: unknown, init?: RequestInit) => {
  if (!String(init?.body).includes('"stream":true')) return new Response(jsonText, { headers: jsonHeaders });
  let i = 0;
  return new Response(new ReadableStream<Uint8Array>({ pull: (c) => nextTask().then(() => (i < pieces.length ? c.enqueue(pieces[i++]!.slice()) : c.close())) }), { headers: sseHeaders });
}) as typeof fetch;

interface Side {
  openai: OpenAI;
  flush: () => Promise<void>;
  cpu: number[];
  first: number[];
  last: number[];
}
const side = (fetch: typeof globalThis.fetch, flush = async () => {}): Side => ({ openai: new OpenAI({ apiKey: "sk-bench", baseURL: URL_, maxRetries: 0, fetch }), flush, cpu: [], first: [], last: [] });
const recorded = async (dist: string) => {
  const { createRecorder, memorySink } = (await import(dist)) as typeof import("../src/index.ts");
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 1000 })] });
  return side(recorder.wrap(serve), () => recorder.flush());
};
const sides: Record<string, Side> = { bare: side(serve), "this build": await recorded(new URL("../dist/index.js", import.meta.url).href) };
if (args.baseline) sides.baseline = await recorded(new URL(`${args.baseline.replace(/\/$/, "")}/index.js`, `file://${process.cwd()}/`).href);

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
const bare = sides.bare!;
console.log(`| side | CPU added per JSON call | stream: first chunk vs bare | last chunk vs bare |\n|---|---|---|---|`);
for (const [name, s] of Object.entries(sides))
  console.log(`| ${name} | ${(median(s.cpu) - median(bare.cpu)).toFixed(3)} ms | ×${(median(s.first) / median(bare.first)).toFixed(3)} | ×${(median(s.last) / median(bare.last)).toFixed(3)} |`);
