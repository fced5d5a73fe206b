// A recorder's fetch path before the JIT has optimized it: run in a fresh
// process (traces.ts forks it), since the optimized code is shared by every
// recorder in a process once one has warmed it. Prints, as JSON, the mean
// time per call of a non-LLM GET through recorder.wrap (or a one-line
// pass-through) over the first 4,000 requests and over the 4,000 after, each
// the median of its blocks of 500; a later task between requests, as an app's
// requests come. The wrapped fetch returns at once, so only the wrapper counts.
import { createRecorder, memorySink } from "../dist/index.js";
import { median } from "./measure.ts";

const answer = Promise.resolve(new Response("ok"));
const raw = (() => answer) as unknown as typeof fetch;
const side = process.argv[2] === "recorded" ? createRecorder({ sinks: [memorySink()] }).wrap(raw) : ((input: RequestInfo | URL, init?: RequestInit) => raw(input, init)) as typeof fetch;
const blocks: number[] = [];
for (let b = 0; b < 16; b++) {
  let total = 0;
  for (let i = 0; i < 500; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    const t0 = performance.now();
    void side("http://127.0.0.1:1/search?q=x");
    total += performance.now() - t0;
  }
  blocks.push(total / 500);
}
process.stdout.write(JSON.stringify({ first: median(blocks.slice(0, 8)), after: median(blocks.slice(8)) }));
