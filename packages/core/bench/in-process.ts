// The recorder's own CPU cost, isolated: fetch is an in-process function that
// returns a prebuilt Response, so the only difference between the two sides
// is the recorder.
// the shipped build, as an app runs it (`pnpm bench` builds first)
import { createRecorder, memorySink } from "../dist/index.js";
import { CHAT_PATH, jsonBody, jsonHeaders, requestBody, sseChunks, sseHeaders } from "./fixtures.ts";
import { median, perCall } from "./measure.ts";

const URL_ = `http://127.0.0.1:1${CHAT_PATH}`;
const BATCH = 1000;
const init = { method: "POST", headers: { "content-type": "application/json" }, body: requestBody };

export async function jsonCallCost(): Promise<{ raw: number; recorded: number }> {
  const raw = (async () => new Response(jsonBody, { headers: jsonHeaders })) as typeof fetch;
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 100 })] });
  const recorded = recorder.wrap(raw);
  // the recorder's work (a background read, parse, pricing, delivery) runs in
  // later tasks; flushing once per batch of calls counts all of it, with the
  // last timer's wait spread over the batch
  const batch = (f: typeof fetch) => async () => {
    for (let i = 0; i < BATCH; i++) await (await f(URL_, init)).json();
    await recorder.flush();
  };
  const opts = { warmup: 3, rounds: 9, batch: 1 };
  const samples = { raw: [] as number[], recorded: [] as number[] };
  for (let i = 0; i < 5; i++) {
    samples.raw.push((await perCall(batch(raw), opts)) / BATCH);
    samples.recorded.push((await perCall(batch(recorded), opts)) / BATCH);
  }
  return { raw: median(samples.raw), recorded: median(samples.recorded) };
}

export async function perChunkCost(chunks = 500): Promise<{ raw: number; recorded: number; chunks: number }> {
  const prebuilt = sseChunks(chunks);
  const raw = (async () => {
    let i = 0;
    return new Response(new ReadableStream<Uint8Array>({ pull: (c) => (i < prebuilt.length ? c.enqueue(prebuilt[i++]!) : c.close()) }), { headers: sseHeaders });
  }) as typeof fetch;
  const recorder = createRecorder({ sinks: [memorySink({ capacity: 100 })], estimateTokens: false });
  const recorded = recorder.wrap(raw);
  const drain = (f: typeof fetch) => async () => {
    const reader = (await f(URL_, init)).body!.getReader();
    while (!(await reader.read()).done);
    await recorder.flush();
  };
  const opts = { warmup: 10, rounds: 9, batch: 5 };
  const samples = { raw: [] as number[], recorded: [] as number[] };
  for (let i = 0; i < 3; i++) {
    samples.raw.push(await perCall(drain(raw), opts));
    samples.recorded.push(await perCall(drain(recorded), opts));
  }
  return { raw: median(samples.raw), recorded: median(samples.recorded), chunks: prebuilt.length };
}
