// The beacon's own path, without the SDK around it: `node beacon-path.mjs
// --dists=<a build's dist>,<another> [--calls=500] [--rounds=30]`. Records
// `calls` calls of the peer bench's workload through the first build's
// recorder (the records an app's calls make), then has each build's beaconSink
// write them all and flush, posting to the counting endpoint in a process of
// its own (which asks for gzip and rebuilds prompt.text, so batches after the
// first go slim and gzipped), the builds taking turns, the order alternated
// every round. Prints each build's median CPU per call and the second's
// against the first's in the same rounds. The same work costs about twice as
// much inside a real call's flow (measured: ~22 us in place against ~12 us in
// a loop for serializing a call), so read this as where the beacon's time
// goes, not as what it adds to a call.
import { client } from "./variants/openai.mjs";
import { messages, options, serve } from "./workload.mjs";

const args = options();
const calls = Number(args.calls ?? 500);
const rounds = Number(args.rounds ?? 30);
const dists = (args.dists ?? "../../packages/core/dist").split(",");
const mock = await serve("mock-server.mjs");
const intake = await serve("blocks.mjs", "intake");
const builds = [];
for (const dist of dists) builds.push(await import(new URL(`${dist.replace(/\/$/, "")}/index.js`, `file://${process.cwd()}/`).href));

const records = [];
const recorder = builds[0].createRecorder({ sinks: [{ name: "keep", write: (call) => void records.push(call) }] });
const openai = client(mock.url, { fetch: recorder.wrap(fetch) });
for (let i = 0; i < calls; i++) await openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
await recorder.flush();

const ctx = { error: (e) => console.error(e), drop: (count, reason) => console.error(`dropped ${count}: ${reason}`), ignore() {}, fetch };
const sides = builds.map(({ beaconSink }, i) => {
  const sink = beaconSink({ url: `${intake.url}/path${i}/v1/calls`, flushIntervalMs: 3_600_000 });
  sink.attach(ctx);
  return { name: dists.length > 1 ? (i ? "B" : "A") : "beacon", sink, cpu: [] };
});
const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
// a first batch each (it goes plain, and tells the sink the endpoint reads gzip)
for (const { sink } of sides) records.slice(0, 5).forEach((c) => sink.write(c)), await sink.flush();
for (let r = 0; r < rounds; r++)
  for (const side of r % 2 ? sides : sides.slice().reverse()) {
    const c0 = cpuUs();
    for (const call of records) side.sink.write(call);
    await side.sink.flush();
    side.cpu.push((cpuUs() - c0) / records.length);
  }
mock.close();
intake.close();
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
for (const { name, cpu } of sides) console.log(`${name}: ${median(cpu).toFixed(1)} us a call (median of ${rounds} rounds of ${records.length} calls)`);
if (sides.length == 2) console.log(`B - A: ${median(sides[1].cpu.map((b, i) => b - sides[0].cpu[i])).toFixed(1)} us a call (paired median)`);
