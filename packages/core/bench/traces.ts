// What request traces cost the app: a non-LLM fetch outside any trace against
// bare fetch over loopback HTTP (the path every app's other traffic takes),
// and, in process, the CPU each http step and each recorder.step adds inside
// a trace. Summaries and delivery run later, off the app's path; their cost
// per trace is shown apart.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
// the shipped build, as an app runs it (`pnpm bench` builds first)
import { createRecorder, memorySink } from "../dist/index.js";
import { startServer } from "./loopback.ts";
import { median, paired, pass, ratio, us, type Paired } from "./measure.ts";

const STEPS = 500;

/**
 * median CPU ms (this process, user + system) per item of a batch of STEPS,
 * each side measured in turn: CPU time, not wall time, so a busy machine's
 * other processes do not count
 */
async function perItem(a: () => unknown, b: () => unknown, rounds = 31): Promise<[number, number]> {
  const time = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    await f();
    const { user, system } = process.cpuUsage(c0);
    return (user + system) / 1000 / STEPS;
  };
  for (let i = 0; i < 5; i++) await time(a), await time(b);
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) as.push(await time(a)), bs.push(await time(b));
  return [median(as), median(bs)];
}

/** 100 rounds of 20 pairs: 2,000 round trips a side */
const LOOPBACK = { warmup: 50, rounds: 100, batch: 20 };

/**
 * A non-LLM fetch outside any trace over loopback, a GET and a POST (which
 * costs a URL check: a POST may be an LLM call): wall time and this process's
 * CPU time per round trip, bare and wrapped
 */
export async function nonLLMOutsideTrace(): Promise<{ wall: Paired; cpu: Paired; post: Paired; floor: Paired }> {
  const server = await startServer("bare");
  try {
    const url = `${new URL(server.url).origin}/search`;
    const recorder = createRecorder({ sinks: [memorySink()] });
    const recorded = recorder.wrap(fetch);
    const post = { method: "POST", body: "{}" };
    const roundTrip = (f: typeof fetch, init?: RequestInit) => async () => {
      const t0 = performance.now();
      await (await f(url, init)).arrayBuffer();
      return performance.now() - t0;
    };
    const cpu = (f: typeof fetch) => async () => {
      const c0 = process.cpuUsage();
      await (await f(url)).arrayBuffer();
      const { user, system } = process.cpuUsage(c0);
      return (user + system) / 1000;
    };
    // bare fetch against itself, in the same run: how far apart two identical sides come out
    const floor = await paired(roundTrip(fetch), roundTrip(fetch), LOOPBACK);
    const wall = await paired(roundTrip(fetch), roundTrip(recorded), LOOPBACK);
    return { wall, floor, cpu: await paired(cpu(fetch), cpu(recorded), LOOPBACK), post: await paired(roundTrip(fetch, post), roundTrip(recorded, post), LOOPBACK) };
  } finally {
    server.close();
  }
}

/** CPU µs a recording fetch adds to a non-LLM request outside any trace, its own work alone: the wrapped fetch returns a prebuilt Response at once */
export function nonLLMWrapperCpu(init?: RequestInit): [number, number] {
  const N = 200_000;
  const answer = new Response("ok");
  const raw = (() => answer) as unknown as typeof fetch;
  const wrapped = createRecorder({ sinks: [memorySink()] }).wrap(raw);
  const cpu = (f: typeof fetch) => {
    for (let i = 0; i < N / 10; i++) void f("http://127.0.0.1:1/search?q=x", init);
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) void f("http://127.0.0.1:1/search?q=x", init);
    const { user, system } = process.cpuUsage(c0);
    return (user + system) / 1000 / N;
  };
  const rounds = Array.from({ length: 5 }, () => [cpu(raw), cpu(wrapped)] as const);
  return [median(rounds.map((r) => r[0])), median(rounds.map((r) => r[1]))];
}

export async function httpStepCost(): Promise<[number, number]> {
  const raw = (async () => new Response("ok")) as typeof fetch;
  const recorder = createRecorder({ sinks: [memorySink()], maxStepsPerTrace: 1e9 });
  const recorded = recorder.wrap(raw);
  const many = (f: typeof fetch) => async () => {
    for (let i = 0; i < STEPS; i++) await (await f("http://127.0.0.1:1/search?q=x")).text();
  };
  const inTrace = many(recorded);
  return perItem(many(raw), () => recorder.trace("bench", inTrace));
}

export async function stepCost(): Promise<{ sync: [number, number]; async: [number, number]; finishPerStep: number }> {
  const recorder = createRecorder({ sinks: [memorySink()], maxStepsPerTrace: 1e9 });
  const work = () => 1;
  const asyncWork = async () => 1;
  const sync = await perItem(
    () => {
      for (let i = 0; i < STEPS; i++) work();
    },
    () =>
      recorder.trace("bench", () => {
        for (let i = 0; i < STEPS; i++) recorder.step("s", work);
      }),
  );
  const async = await perItem(
    async () => {
      for (let i = 0; i < STEPS; i++) await asyncWork();
    },
    () =>
      recorder.trace("bench", async () => {
        for (let i = 0; i < STEPS; i++) await recorder.step("s", asyncWork);
      }),
  );
  // off the app's path: summarizing and delivering a trace of STEPS steps, per step
  const finishes: number[] = [];
  for (let i = 0; i < 15; i++) {
    recorder.trace("bench", () => {
      for (let j = 0; j < STEPS; j++) recorder.step("s", work);
    });
    const c0 = process.cpuUsage();
    await recorder.flush();
    const { user, system } = process.cpuUsage(c0);
    finishes.push((user + system) / 1000 / STEPS);
  }
  return { sync, async, finishPerStep: median(finishes) };
}

/** the lazily loaded trace finish and the server helper, min+gz, as a bundler ships them */
async function chunkSize(entry: string): Promise<number> {
  const result = await build({ entryPoints: [fileURLToPath(new URL(entry, import.meta.url))], bundle: true, minify: true, format: "esm", write: false, logLevel: "silent" });
  return gzipSync(result.outputFiles[0]!.contents).byteLength;
}

export async function benchTraces(): Promise<string> {
  const outside = await nonLLMOutsideTrace();
  const wrapper = nonLLMWrapperCpu();
  const wrapperPost = nonLLMWrapperCpu({ method: "POST", body: "{}" });
  const http = await httpStepCost();
  const steps = await stepCost();
  const finish = await chunkSize("../src/trace/finish-trace.ts");
  const server = await chunkSize("../src/server/index.ts");
  const perHttp = http[1] - http[0];
  const perSync = steps.sync[1] - steps.sync[0];
  const perAsync = steps.async[1] - steps.async[0];
  return [
    "### Request traces",
    "",
    `Loopback rows are real HTTP on 127.0.0.1 to a server in its own process, measured interleaved in 100 rounds of 20 pairs (2,000 round trips a side); their result is the median of the rounds' ratios, the worst round beside it. In-process rows count this process's CPU time (user + system) over ${STEPS} fetches or steps inside one trace against the same work outside any trace; the difference per item is what a trace adds on the app's path. Summarizing and delivering happen after the trace ends, in a later task.`,
    "",
    "| measure | without | with | result | goal | |",
    "|---|---|---|---|---|---|",
    `| non-LLM fetch (GET) outside any trace, loopback round trip: bare fetch vs recorder.wrap(fetch) | ${outside.wall.a.toFixed(3)} ms | ${outside.wall.b.toFixed(3)} ms | ${ratio(outside.wall)} | ≤ ×1.01 | ${pass(outside.wall.ratio <= 1.01)} |`,
    `| the same, this process's CPU per round trip | ${us(outside.cpu.a)} | ${us(outside.cpu.b)} | ${ratio(outside.cpu)} | | |`,
    `| for scale: bare fetch against itself, measured the same way (the noise floor of this run) | ${outside.floor.a.toFixed(3)} ms | ${outside.floor.b.toFixed(3)} ms | ${ratio(outside.floor)} | | |`,
    `| a POST that is no LLM call (a URL check), loopback round trip | ${outside.post.a.toFixed(3)} ms | ${outside.post.b.toFixed(3)} ms | ${ratio(outside.post)} | ≤ ×1.01 | ${pass(outside.post.ratio <= 1.01)} |`,
    `| the recording fetch's own CPU on a non-LLM GET outside any trace (in process, a prebuilt Response) | ${us(wrapper[0])} | ${us(wrapper[1])} | +${us(wrapper[1] - wrapper[0])} | | |`,
    `| the same for a POST that is no LLM call (the URL check) | ${us(wrapperPost[0])} | ${us(wrapperPost[1])} | +${us(wrapperPost[1] - wrapperPost[0])} | | |`,
    `| CPU per http step (a non-LLM fetch inside a trace, in process) | ${us(http[0])} | ${us(http[1])} | +${us(perHttp)} | ≤ 20 µs | ${pass(perHttp <= 0.02)} |`,
    `| CPU per recorder.step, sync fn | ${us(steps.sync[0])} | ${us(steps.sync[1])} | +${us(perSync)} | ≤ 20 µs | ${pass(perSync <= 0.02)} |`,
    `| CPU per recorder.step, async fn awaited | ${us(steps.async[0])} | ${us(steps.async[1])} | +${us(perAsync)} | ≤ 20 µs | ${pass(perAsync <= 0.02)} |`,
    `| off the app's path: summary and delivery of a ${STEPS}-step trace, per step | | | ${us(steps.finishPerStep)} | | |`,
    `| lazily loaded trace finish (retrieval table, tool steps, summary), min+gz | | | ${(finish / 1024).toFixed(2)} KB | | |`,
    `| @llmscope/core/server helpers, min+gz | | | ${(server / 1024).toFixed(2)} KB | | |`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchTraces());
