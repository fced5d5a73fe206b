// Real HTTP on 127.0.0.1: a round trip and the time to the first streamed
// delta, with and without the recorder, measured interleaved.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
// the shipped build, as an app runs it (`pnpm bench` builds first)
import { createRecorder, memorySink } from "../dist/index.js";
import { CHAT_PATH, requestBody } from "./fixtures.ts";
import { paired, type Paired } from "./measure.ts";

/** the server in a process of its own, so the two sides do not share an event loop */
export async function startServer(kind: "bare" | "mock" | "mock-now" | "intake"): Promise<{ url: string; close(): void }> {
  const child = fork(fileURLToPath(new URL("./loopback-server.ts", import.meta.url)), [kind], { execArgv: ["--import", "tsx"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve(String(m)));
    child.once("exit", (code) => reject(new Error(`loopback server exited (${code})`)));
  });
  return { url: `${url}${CHAT_PATH}`, close: () => void child.disconnect() };
}

export interface LoopbackResult {
  roundTrip: Paired;
  firstDelta: Paired;
  /** the first delta through a bare pipeThrough(new TransformStream()) with no recorder: the floor of observing a stream in passing */
  bareTransform: Paired;
}

/** rounds of 20 pairs each */
type Rounds = [roundTrip: number, firstDelta: number];

export async function loopback(): Promise<LoopbackResult> {
  const server = await startServer("bare");
  try {
    return await measure(server.url, { stream: { headers: { "x-stream": "1" } }, rounds: [30, 15] });
  } finally {
    server.close();
  }
}

/**
 * The realistic case: the mock LLM server with its default 20 ms before the
 * first chunk or the JSON answer, as a provider takes at least; the recorder's
 * fixed cost is then a sliver of it. (Later chunks come at once, only so the
 * run is short; they do not enter either measure.)
 */
export async function loopbackMockDefaults(): Promise<LoopbackResult> {
  const mock = await startServer("mock");
  try {
    return await measure(mock.url, { stream: { headers: { "x-mock-chunk-delay": "0" }, body: JSON.stringify({ ...JSON.parse(requestBody), stream: true }) }, rounds: [40, 40] });
  } finally {
    mock.close();
  }
}

const throughBareTransform = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await fetch(input, init);
  return new Response(response.body!.pipeThrough(new TransformStream()), response);
}) as typeof fetch;

async function measure(url: string, opts: { stream: { headers?: Record<string, string>; body?: string }; rounds: Rounds }): Promise<LoopbackResult> {
  const server = { url };
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 100 })], estimateTokens: false });
  const raw = fetch;
  const recorded = recorder.wrap(fetch);
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: requestBody };
  const roundTrip = (f: typeof fetch) => async () => {
    const t0 = performance.now();
    await (await f(server.url, init)).arrayBuffer();
    return performance.now() - t0;
  };
  const firstDelta = (f: typeof fetch) => async () => {
    const t0 = performance.now();
    const reader = (await f(server.url, { ...init, headers: { ...init.headers, ...opts.stream.headers }, body: opts.stream.body ?? init.body })).body!.getReader();
    await reader.read();
    const t = performance.now() - t0;
    while (!(await reader.read()).done);
    return t;
  };
  try {
    const [rtRounds, fdRounds] = opts.rounds;
    const rt = await paired(roundTrip(raw), roundTrip(recorded), { rounds: rtRounds, batch: 20 });
    const fd = await paired(firstDelta(raw), firstDelta(recorded), { rounds: fdRounds, batch: 20 });
    const bare = await paired(firstDelta(raw), firstDelta(throughBareTransform), { rounds: fdRounds, batch: 20 });
    return { roundTrip: rt, firstDelta: fd, bareTransform: bare };
  } finally {
    await recorder.flush();
  }
}
