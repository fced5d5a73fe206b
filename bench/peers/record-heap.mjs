// What a call kept in memorySink holds on the heap: `node --expose-gc
// record-heap.mjs [--dist=<a build's dist>] [--calls=1000]`. Fills a
// memorySink of that capacity with the peer workload's calls, then measures
// the heap after collection with the sink emptied and refilled; prints the
// difference per record both ways. Unlike CPU, this does not move with the
// machine's load.
import { client } from "./variants/openai.mjs";
import { messages, options, serve } from "./workload.mjs";

const args = options();
const calls = Number(args.calls ?? 1000);
const dist = args.dist ?? "../../packages/core/dist";
const { createRecorder, memorySink } = await import(new URL(`${dist.replace(/\/$/, "")}/index.js`, `file://${process.cwd()}/`).href);
const mock = await serve("mock-server.mjs");
const sink = memorySink({ capacity: calls });
const recorder = createRecorder({ sinks: [sink] });
const openai = client(mock.url, { fetch: recorder.wrap(fetch) });
const fill = async () => {
  for (let i = 0; i < calls; i++) await openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
  await recorder.flush();
};
const heap = () => (globalThis.gc(), globalThis.gc(), process.memoryUsage().heapUsed);
await fill();
const full = heap();
sink.clear();
const empty = heap();
await fill();
const refilled = heap();
console.log(`a record held: ${((full - empty) / calls).toFixed(0)} B (the sink emptied), ${((refilled - empty) / calls).toFixed(0)} B (refilled)`);
mock.close();
