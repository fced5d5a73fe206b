// What request traces cost the app: a non-LLM fetch outside any trace against
// bare fetch over loopback HTTP (the path every app's other traffic takes),
// and, in process, the CPU each http step and each recorder.step adds inside
// a trace. Summaries and delivery run later, off the app's path; their cost
// per trace is shown apart.
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// the shipped build, as an app runs it (`pnpm bench` builds first)
import { createRecorder, memorySink } from "../dist/index.js";
import { startServer } from "./loopback.ts";
import { interleaved, median, pass, ratio, us, type Paired } from "./measure.ts";

const STEPS = 500;

/**
 * median CPU ms (this process, user + system) per item of a batch of STEPS,
 * each side measured in turn: CPU time, not wall time, so a busy machine's
 * other processes do not count. settle runs untimed after each batch: a
 * trace's summary and delivery, which run after it ends, would otherwise
 * land in whichever batch runs next.
 */
async function perItem(a: () => unknown, b: () => unknown, settle: () => Promise<unknown>, rounds = 31): Promise<[number, number]> {
  const time = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    await f();
    const { user, system } = process.cpuUsage(c0);
    await settle();
    return (user + system) / 1000 / STEPS;
  };
  for (let i = 0; i < 5; i++) await time(a), await time(b);
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) as.push(await time(a)), bs.push(await time(b));
  return [median(as), median(bs)];
}

/**
 * 300 rounds of 20 turns: 6,000 round trips a side (with 100 rounds, the floor's
 * and a one-line pass-through's ratios moved by up to 2 % between runs on an
 * idle machine, twice what the goal allows), after 4,000 turns of
 * warm-up, so the recorder's fetch path has been optimized by the JIT first:
 * its first few thousand requests in a process run unoptimized, ~1 µs slower
 * each (coldStart shows it apart), and a run that measured from there came
 * out ~×1.02 however little the optimized path costs.
 */
const LOOPBACK = { warmup: 4000, rounds: 300, batch: 20 };

export interface OutsideTrace {
  /** recorder.wrap(fetch) against bare fetch, a GET */
  wall: Paired;
  /** bare fetch against itself in the same rounds: the noise floor */
  floor: Paired;
  /** a one-line pass-through wrapper in the same rounds: what any wrapper costs */
  passThrough: Paired;
  /** this process's CPU per round trip, bare and wrapped */
  cpu: Paired;
  /** a POST that is no LLM call (a URL check), with its own floor and pass-through from its rounds */
  post: Paired;
  postFloor: Paired;
  postPassThrough: Paired;
}

/**
 * A non-LLM fetch outside any trace over loopback, a GET and a POST (which
 * costs a URL check: a POST may be an LLM call): wall time and this process's
 * CPU time per round trip, bare and wrapped
 */
export async function nonLLMOutsideTrace(): Promise<OutsideTrace> {
  const server = await startServer("bare");
  try {
    const url = `${new URL(server.url).origin}/search`;
    const recorder = createRecorder({ sinks: [memorySink()] });
    const recorded = recorder.wrap(fetch);
    const passThrough = ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)) as typeof fetch;
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
    // bare fetch twice: how far apart two identical sides come out in these very rounds
    const [floor, wall, through] = await interleaved([roundTrip(fetch), roundTrip(fetch), roundTrip(recorded), roundTrip(passThrough)], LOOPBACK);
    const [cpuRow] = await interleaved([cpu(fetch), cpu(recorded)], LOOPBACK);
    const [postFloor, postRow, postThrough] = await interleaved([roundTrip(fetch, post), roundTrip(fetch, post), roundTrip(recorded, post), roundTrip(passThrough, post)], LOOPBACK);
    return { wall: wall!, floor: floor!, passThrough: through!, cpu: cpuRow!, post: postRow!, postFloor: postFloor!, postPassThrough: postThrough! };
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
  return perItem(many(raw), () => recorder.trace("bench", inTrace), () => recorder.flush());
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
    () => recorder.flush(),
  );
  const async = await perItem(
    async () => {
      for (let i = 0; i < STEPS; i++) await asyncWork();
    },
    () =>
      recorder.trace("bench", async () => {
        for (let i = 0; i < STEPS; i++) await recorder.step("s", asyncWork);
      }),
    () => recorder.flush(),
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

/** µs per non-LLM GET through a fresh process's first recorder (or a pass-through): over its first 4,000 requests and the 4,000 after */
function coldStart(kind: "recorded" | "through"): { first: number; after: number } {
  const script = fileURLToPath(new URL("./cold-start.ts", import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, kind], { encoding: "utf8" })) as { first: number; after: number };
}

/** bare fetch per loopback GET in fresh processes, with no AsyncLocalStorage store ever entered and with one entered: medians of three each, taken in turn */
function alsTax(): { plain: { cpuUs: number; wallMs: number }; entered: { cpuUs: number; wallMs: number } } {
  const script = fileURLToPath(new URL("./als-tax.ts", import.meta.url));
  const run = (kind: string) => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, kind], { encoding: "utf8" })) as { cpuUs: number; wallMs: number };
  const plain: { cpuUs: number; wallMs: number }[] = [];
  const entered: typeof plain = [];
  for (let i = 0; i < 3; i++) plain.push(run("plain")), entered.push(run("entered"));
  const mid = (xs: typeof plain) => ({ cpuUs: median(xs.map((x) => x.cpuUs)), wallMs: median(xs.map((x) => x.wallMs)) });
  return { plain: mid(plain), entered: mid(entered) };
}

/** the lazily loaded trace finish and the server helper, min+gz, as a bundler ships them */
async function chunkSize(entry: string): Promise<number> {
  const result = await build({ entryPoints: [fileURLToPath(new URL(entry, import.meta.url))], bundle: true, minify: true, format: "esm", write: false, logLevel: "silent" });
  return gzipSync(result.outputFiles[0]!.contents).byteLength;
}

/**
 * ns per awaited promise: AsyncLocalStorage (Node 20) turns on promise hooks
 * for the whole process the first time a store is entered, so once a trace
 * has run every promise pays them, bare fetch's included
 */
async function promiseNs(): Promise<number> {
  const N = 200_000;
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await Promise.resolve(i).then((x) => x);
    rounds.push(((performance.now() - t0) * 1e6) / N);
  }
  return median(rounds);
}

export async function benchTraces(): Promise<string> {
  const load = loadavg()[0]!;
  const cold = { recorded: coldStart("recorded"), through: coldStart("through") };
  const tax = alsTax();
  // before anything here enters an AsyncLocalStorage store: what an app that never traces gets
  const promiseBefore = await promiseNs();
  const outside = await nonLLMOutsideTrace();
  const wrapper = nonLLMWrapperCpu();
  const wrapperPost = nonLLMWrapperCpu({ method: "POST", body: "{}" });
  const http = await httpStepCost();
  const steps = await stepCost();
  // traces have run in this process now: the same rows, as an app that traces gets them for its other requests
  const promiseAfter = await promiseNs();
  const afterTraces = await nonLLMOutsideTrace();
  const finish = await chunkSize("../src/trace/finish-trace.ts");
  const server = await chunkSize("../src/server/index.ts");
  const perHttp = http[1] - http[0];
  const perSync = steps.sync[1] - steps.sync[0];
  const perAsync = steps.async[1] - steps.async[0];
  return [
    "### Request traces",
    "",
    `Loopback rows are real HTTP on 127.0.0.1 to a server in its own process, measured interleaved in 300 rounds of 20 turns (6,000 round trips a side, after 4,000 turns of warm-up); bare fetch, bare fetch again (the noise floor), recorder.wrap(fetch) and a one-line pass-through wrapper take turns in the same rounds, so the floor is that of the very rounds the ratios come from. Their result is the median of the rounds' ratios, the worst round beside it. The outside-trace rows are measured twice: before anything in the process has entered a trace, and again after traces have run, when AsyncLocalStorage's promise hooks (on for the whole process from the first store entered, as under any AsyncLocalStorage context manager) tax every promise, bare fetch's too. In-process rows count this process's CPU time (user + system) over ${STEPS} fetches or steps inside one trace against the same work outside any trace; the difference per item is what a trace adds on the app's path. Summarizing and delivering happen after the trace ends, in a later task. Load average when the part started: ${load.toFixed(1)} on ${cpus().length} cores, ${loadavg()[0]!.toFixed(1)} when it ended.`,
    "",
    "| measure | without | with | result | goal | |",
    "|---|---|---|---|---|---|",
    ...outsideRows("", outside),
    ...outsideRows(", after traces have run in the process", afterTraces),
    `| every awaited promise once a trace has run (AsyncLocalStorage's process-wide promise hooks; the recorder enters a store only in trace, step, startTrace's run and withTags) | ${promiseBefore.toFixed(0)} ns | ${promiseAfter.toFixed(0)} ns | +${(promiseAfter - promiseBefore).toFixed(0)} ns | | |`,
    `| bare fetch per loopback GET in a process that never entered a store, and in one that did: CPU (fresh processes, 5,000 requests, median of three each) | ${tax.plain.cpuUs.toFixed(1)} µs | ${tax.entered.cpuUs.toFixed(1)} µs | ×${(tax.entered.cpuUs / tax.plain.cpuUs).toFixed(3)} | | |`,
    `| the same, wall time | ${tax.plain.wallMs.toFixed(3)} ms | ${tax.entered.wallMs.toFixed(3)} ms | ×${(tax.entered.wallMs / tax.plain.wallMs).toFixed(3)} | | |`,
    `| the recording fetch's own CPU on a non-LLM GET outside any trace (in process, a prebuilt Response) | ${us(wrapper[0])} | ${us(wrapper[1])} | +${us(wrapper[1] - wrapper[0])} | | |`,
    `| the same GET through a fresh process's first recorder, its first 4,000 requests (before the JIT has optimized its path) and the 4,000 after; a one-line pass-through beside it | ${us(cold.through.first)}, then ${us(cold.through.after)} | ${us(cold.recorded.first)}, then ${us(cold.recorded.after)} | +${us(cold.recorded.first - cold.through.first)}, then +${us(cold.recorded.after - cold.through.after)} | | |`,
    `| the same for a POST that is no LLM call (the URL check) | ${us(wrapperPost[0])} | ${us(wrapperPost[1])} | +${us(wrapperPost[1] - wrapperPost[0])} | | |`,
    `| CPU per http step (a non-LLM fetch inside a trace, in process) | ${us(http[0])} | ${us(http[1])} | +${us(perHttp)} | ≤ 20 µs | ${pass(perHttp <= 0.02)} |`,
    `| CPU per recorder.step, sync fn | ${us(steps.sync[0])} | ${us(steps.sync[1])} | +${us(perSync)} | ≤ 20 µs | ${pass(perSync <= 0.02)} |`,
    `| CPU per recorder.step, async fn awaited | ${us(steps.async[0])} | ${us(steps.async[1])} | +${us(perAsync)} | ≤ 20 µs | ${pass(perAsync <= 0.02)} |`,
    `| off the app's path: summary and delivery of a ${STEPS}-step trace, per step | | | ${us(steps.finishPerStep)} | | |`,
    `| lazily loaded trace finish (retrieval table, tool steps, summary), min+gz | | | ${(finish / 1024).toFixed(2)} KB | | |`,
    `| @llmscope/core/server helpers, min+gz | | | ${(server / 1024).toFixed(2)} KB | | |`,
  ].join("\n");
}

/** the loopback rows of one outside-trace measurement */
function outsideRows(when: string, o: OutsideTrace): string[] {
  const row = (what: string, p: Paired, goal = "") =>
    `| ${what}${when} | ${p.a.toFixed(3)} ms | ${p.b.toFixed(3)} ms | ${ratio(p)} | ${goal && `≤ ×${goal}`} | ${goal && pass(p.ratio <= Number(goal))} |`;
  return [
    row("non-LLM fetch (GET) outside any trace, loopback round trip: bare fetch vs recorder.wrap(fetch)", o.wall, "1.01"),
    row("for scale: bare fetch against itself in the same rounds (the noise floor)", o.floor),
    row("for scale: a one-line pass-through wrapper in the same rounds", o.passThrough),
    `| the GET's CPU per round trip, this process${when} | ${us(o.cpu.a)} | ${us(o.cpu.b)} | ${ratio(o.cpu)} | | |`,
    row("a POST that is no LLM call (a URL check), loopback round trip", o.post, "1.01"),
    row("for scale: the POST's floor, bare fetch against itself in its rounds", o.postFloor),
    row("for scale: the POST through a one-line pass-through wrapper in its rounds", o.postPassThrough),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchTraces());
