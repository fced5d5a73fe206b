// What recording one call costs, without the network or the SDK around it:
// `node call-path.mjs --dist=<a build's dist> [--kind=stream|json]
// [--sink=none|memory] [--rounds=30]`. The mock's answer to this workload's
// request (streamed, or one JSON document) is taken once, as the chunks it
// arrived in; then a fetch that answers with those chunks at once is called
// bare and through the build's recorder, the body read as SDKs read it (a
// stream by its async iterator, JSON by json()), in blocks of 50 taking turns
// after 300 of each. Prints the recorder's median CPU per call over the bare
// fetch's (the flush included). One build a process: two builds in
// one process land in different states of the JIT, run to run, and moved each
// other's figures by more than they differed. `--sink=none` (the default)
// keeps nothing, so what is measured is the recording itself; `memory` adds
// memorySink's 1,000 kept records and the collections they cost.
import { cpuMs, messages, options } from "./workload.mjs";

const args = options();
const dist = new URL(`${(args.dist ?? "../../packages/core/dist").replace(/\/$/, "")}/`, `file://${process.cwd()}/`).href;
const rounds = Number(args.rounds ?? 30);
const BLOCK = 50;
const WARM = 300;

const { startMockLLM } = await import(new URL("../../packages/mock-llm/dist/node.js", import.meta.url).href);
const mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0, jitterMs: 0 });
const streamed = (args.kind ?? "stream") === "stream";
const request = () => JSON.stringify({ model: "gpt-4o-mini", temperature: 0.2, messages: messages(), ...(streamed && { stream: true, stream_options: { include_usage: true } }) });
const body = request();
const answer = await fetch(`${mock.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body });
const chunks = [];
for await (const chunk of answer.body) chunks.push(chunk);
const headers = Object.fromEntries(answer.headers);
await mock.close();
const replay = async () =>
  new Response(new ReadableStream({ start: (c) => (chunks.forEach((x) => c.enqueue(x.slice())), c.close()) }), { status: 200, headers });

const { createRecorder, memorySink } = await import(new URL("index.js", dist).href);
const recorder = createRecorder({ sinks: [args.sink === "memory" ? memorySink({ capacity: 1000 }) : { name: "none", write() {} }] });
const sides = { bare: { fetch: replay, flush: async () => {} }, recorded: { fetch: recorder.wrap(replay), flush: () => recorder.flush() } };
// each call's own prompt (one template, its values changing), as the workload's
const call = async (f) => {
  const res = await f("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer sk-bench" }, body: request() });
  if (streamed) for await (const _ of res.body);
  else await res.json();
};
for (const side of Object.values(sides)) {
  for (let i = 0; i < WARM; i++) await call(side.fetch);
  await side.flush();
}
const perCall = { bare: [], recorded: [] };
for (let r = 0; r < rounds; r++)
  for (const name of r % 2 ? ["recorded", "bare"] : ["bare", "recorded"]) {
    const c0 = cpuMs();
    for (let i = 0; i < BLOCK; i++) await call(sides[name].fetch);
    await sides[name].flush();
    perCall[name].push(((cpuMs() - c0) / BLOCK) * 1000);
  }
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
console.log(`${chunks.length} chunks; recording a ${streamed ? "stream" : "JSON call"}: +${(median(perCall.recorded) - median(perCall.bare)).toFixed(0)} us of CPU (bare fetch and read: ${median(perCall.bare).toFixed(0)} us)`);
process.exit(0);
