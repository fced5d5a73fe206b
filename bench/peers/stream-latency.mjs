// Where a stream's time to first chunk goes, bare and recorded: `node
// stream-latency.mjs [--dist=<a build's dist>] [--sink=memory|beacon]
// [--blocks=80]`. The mock's streamed answer to this workload is taken once;
// a server in a process of its own answers every request with it at once,
// stamping when the request reached it and when it answered (one clock: the
// two processes share the machine's). The openai SDK then streams from it,
// bare and through the build's recorder, in blocks of 20 taking turns, the
// first stream of each block and the first 10 blocks left out; each side's
// median of: fetch called -> request at the server, the server's own time,
// answer sent -> the app has the Response, and the whole time to first chunk.
// Streams run back to back, as in the peer benchmark, so what the recorder
// leaves to do after one stream shows in the next one's first chunk.
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { client } from "./variants/openai.mjs";
import { messages, options, serve } from "./workload.mjs";

const wall = () => performance.timeOrigin + performance.now();

if (process.argv[2] == "server") {
  process.once("message", (answer) => {
    const body = Buffer.from(answer, "base64");
    const server = createServer((req, res) => {
      const received = wall();
      req.resume().on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream", "x-received": String(received), "x-answered": String(wall()) });
        res.end(body);
      });
    }).listen(0, "127.0.0.1", () => process.send(`http://127.0.0.1:${server.address().port}`));
  });
  process.on("disconnect", () => process.exit(0));
} else {
  const args = options();
  const dist = new URL(`${(args.dist ?? "../../packages/core/dist").replace(/\/$/, "")}/`, `file://${process.cwd()}/`).href;
  const blocks = Number(args.blocks ?? 80);
  const request = () => ({ model: "gpt-4o-mini", temperature: 0.2, messages: messages(), stream: true, stream_options: { include_usage: true } });

  const mock = await serve("mock-server.mjs");
  const taken = await fetch(`${mock.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request()) });
  const answer = Buffer.from(await taken.arrayBuffer()).toString("base64");
  mock.close();
  const server = fork(fileURLToPath(import.meta.url), ["server"]);
  const url = await new Promise((resolve) => (server.once("message", resolve), server.send(answer)));
  const intake = args.sink == "beacon" ? await serve("blocks.mjs", "intake") : undefined;

  const { createRecorder, memorySink, beaconSink } = await import(new URL("index.js", dist).href);
  const recorder = createRecorder({ sinks: [intake ? beaconSink({ url: `${intake.url}/latency/v1/calls` }) : memorySink({ capacity: 1000 })] });
  // the Response's stamps, and when fetch was called and when it answered, for the stream under way
  let stamps;
  const stamped = (f) => (input, init) => {
    const called = wall();
    return f(input, init).then((res) => ((stamps = { called, had: wall(), received: +res.headers.get("x-received"), answered: +res.headers.get("x-answered") }), res));
  };
  const sides = { bare: client(url, { fetch: stamped(fetch) }), recorded: client(url, { fetch: stamped(recorder.wrap(fetch)) }) };
  const stream = async (openai) => {
    const t0 = wall();
    let first;
    for await (const _ of await openai.chat.completions.create(request())) first ??= wall();
    const { called, received, answered, had } = stamps;
    return { "to the server": received - called, "the server": answered - received, "back to the app": had - answered, "first chunk": first - t0 };
  };
  const times = { bare: [], recorded: [] };
  for (let b = 0; b < blocks; b++)
    for (const name of b % 2 ? ["recorded", "bare"] : ["bare", "recorded"])
      for (let i = 0; i < 20; i++) {
        const t = await stream(sides[name]);
        if (i > 0 && b >= 10) times[name].push(t);
      }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const us = (ms) => `${Math.round(ms * 1000)} µs`.padStart(8);
  console.log(`${times.bare.length} streams a side, ${intake ? "beaconSink" : "memorySink"}: median bare, recorded, difference`);
  for (const phase of Object.keys(times.bare[0])) {
    const [bare, recorded] = [median(times.bare.map((t) => t[phase])), median(times.recorded.map((t) => t[phase]))];
    console.log(`${phase.padEnd(16)}${us(bare)}${us(recorded)}  +${Math.round((recorded - bare) * 1000)} µs`);
  }
  server.disconnect();
  intake?.close();
  process.exit(0);
}
