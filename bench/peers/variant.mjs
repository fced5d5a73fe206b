// One variant's workload, in a process of its own (instrumentations patch
// modules for the whole process). Argument: {variant, mode, mockUrl, sinkUrl, ...}
// as JSON. Prints one JSON line of what it measured.
//   speed: non-streamed calls (CPU per call, the flush that delivers them
//          included), then streamed calls (time to first and to last chunk),
//          then, past warmAfter calls in all, the non-streamed calls again (warm),
//          then `beside` pairs of blocks of `besideCalls` calls, taking turns
//          with the same SDK loaded apart and left bare (variants/openai.mjs),
//          itself warmed by the same calls and streams first: CPU added per
//          call with the process, its heap and the load of the moment shared
//   memory: calls with the endpoint down; the heap they leave behind, and the
//          ArrayBuffers outside it (Buffers an exporter holds are memory too)
import { VARIANTS } from "./variants/index.mjs";
import { apartClient } from "./variants/openai.mjs";
import { cpuMs, messages } from "./workload.mjs";

const job = JSON.parse(process.argv[2]);
const { openai, flush, kept, stats } = await VARIANTS[job.variant](job);

const ask = (sdk = openai) => sdk.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
const askStream = async (sdk = openai) => {
  const t0 = performance.now();
  const stream = await sdk.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages(), stream: true, stream_options: { include_usage: true } });
  let first;
  for await (const _chunk of stream) first ??= performance.now() - t0;
  return [first, performance.now() - t0];
};
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
let made = 0;

if (job.mode === "speed") {
  for (let i = 0; i < job.warmup; i++) await ask(), await askStream();
  made += 2 * job.warmup;
  await flush();
  const c0 = cpuMs();
  for (let i = 0; i < job.calls; i++) await ask();
  await flush();
  const cpuPerCall = (cpuMs() - c0) / job.calls;
  made += job.calls;
  const first = [];
  const last = [];
  for (let i = 0; i < job.streams; i++) {
    const [f, l] = await askStream();
    first.push(f);
    last.push(l);
  }
  made += job.streams;
  await flush();
  // the same calls again once the process is warm: the JIT has compiled what they run, as in a server up for a while
  let warmCpuPerCall;
  if (job.warmAfter) {
    for (; made < job.warmAfter; made++) await ask();
    await flush();
    const w0 = cpuMs();
    for (let i = 0; i < job.calls; i++) await ask();
    await flush();
    warmCpuPerCall = (cpuMs() - w0) / job.calls;
    made += job.calls;
  }
  // each pair's two blocks in turns, the order swapped every pair: the variant's CPU per call over the bare SDK's, pair by pair
  // (the report pools the pairs of every round: a block's figure moves with the collections that land in it)
  let beside;
  if (job.warmAfter && job.beside) {
    // the same calls and streams as the variant's SDK has made: code that has also seen streams may run a JSON call differently
    const bare = apartClient(job.mockUrl);
    for (let i = 0; i < job.warmup; i++) await ask(bare), await askStream(bare);
    for (let i = 0; i < job.streams; i++) await askStream(bare);
    for (let i = 2 * job.warmup + job.streams; i < job.warmAfter + job.calls; i++) await ask(bare);
    const block = async (sdk, done) => {
      const c0 = cpuMs();
      for (let i = 0; i < job.besideCalls; i++) await ask(sdk);
      await done();
      return (cpuMs() - c0) / job.besideCalls;
    };
    beside = [];
    for (let p = 0; p < job.beside; p++) {
      const own = () => block(openai, flush);
      const untouched = () => block(bare, async () => {});
      let ownCpu, bareCpu;
      if (p % 2) (ownCpu = await own()), (bareCpu = await untouched());
      else (bareCpu = await untouched()), (ownCpu = await own());
      beside.push(ownCpu - bareCpu);
    }
    made += job.beside * job.besideCalls;
  }
  console.log(JSON.stringify({ cpuPerCall, warmCpuPerCall, beside, first: median(first), last: median(last), made, kept: kept?.(), stats: stats?.() }));
} else {
  const heap = () => {
    globalThis.gc();
    globalThis.gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return (heapUsed + arrayBuffers) / 2 ** 20;
  };
  for (let i = 0; i < 50; i++) await ask();
  await new Promise((r) => setTimeout(r, 200));
  const before = heap();
  for (let i = 0; i < job.calls; i++) i % 4 ? await ask() : await askStream();
  // what the exporters hold once their failed sends have settled for a moment
  await new Promise((r) => setTimeout(r, 1500));
  console.log(JSON.stringify({ heapGrowthMB: heap() - before, made: job.calls, stats: stats?.() }));
}
process.exit(0);
