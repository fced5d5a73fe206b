// Builds of llmscope side by side in one process, for a before/after that
// the load of a shared machine hits alike: `node blocks.mjs --dists=<a build's
// dist>,<another>[,…] [--sinks=memory,beacon] [--calls=300] [--rounds=8] [--warm=2000]`.
// Every side (the bare SDK, then each build with each sink) has its own openai
// client against the same mock; the sides take turns in blocks of `calls`
// non-streamed calls (the flush that delivers them included), in an order
// rotated every round, once each has made `warm` calls. Reports each side's CPU
// per call over the bare SDK's in the same round: the median round, and the
// worst. Garbage one side leaves may be collected in another's block; the
// rotation spreads that over all of them, or --gc (under node --expose-gc)
// collects it between blocks. --floor adds three fetch wrappers a few lines long
// (floor-recorders.mjs): what recording at fetch level costs at the least, and
// what sending the capture unread through the first build's beaconSink costs.
import { floorRecorders } from "./floor-recorders.mjs";
import { client } from "./variants/openai.mjs";
import { cpuMs, messages, options, serve } from "./workload.mjs";

if (process.argv[2] == "intake") {
  const { startIntake } = await import("./intake.mjs");
  const intake = await startIntake();
  process.on("disconnect", () => process.exit(0));
  process.send(intake.url);
} else {
  const args = options();
  const calls = Number(args.calls ?? 300);
  const rounds = Number(args.rounds ?? 8);
  const warm = Number(args.warm ?? 2000);
  const dists = (args.dists ?? "../../packages/core/dist").split(",");
  const sinks = (args.sinks ?? "memory,beacon").split(",");
  const LABELS = "ABCDEFGH";
  if (dists.length > LABELS.length) throw new Error(`at most ${LABELS.length} builds in one run`);
  // the mock and the endpoint each in a process of its own, so their work is never charged to a side
  const mock = await serve("mock-server.mjs");
  const intake = await serve("blocks.mjs", "intake");

  const builds = await Promise.all(dists.map((dist) => import(new URL(`${dist.replace(/\/$/, "")}/index.js`, `file://${process.cwd()}/`).href)));
  const sides = { bare: { openai: client(mock.url), flush: async () => {} } };
  if ("floor" in args) {
    // the floor's send writes to the first build's beaconSink, its bodies on
    const sink = builds[0].beaconSink({ url: `${intake.url}/floor/v1/calls`, bodies: true });
    for (const [name, wrapped] of Object.entries(floorRecorders(sink)))
      sides[`floor: ${name}`] = { openai: client(mock.url, { fetch: wrapped }), flush: wrapped.flush };
  }
  for (const [i, dist] of dists.entries()) {
    const { createRecorder, memorySink, beaconSink } = builds[i];
    for (const sink of sinks) {
      const SINKS = {
        memory: () => memorySink({ capacity: 1000 }),
        beacon: () => beaconSink({ url: `${intake.url}/${sink}${i}/v1/calls` }),
        // the same sending plain, a sink that only serializes each call, and one that keeps nothing (the recording alone): where the time goes
        "beacon-plain": () => beaconSink({ url: `${intake.url}/${sink}${i}/v1/calls`, compress: false }),
        "beacon-1post": () => beaconSink({ url: `${intake.url}/${sink}${i}/v1/calls`, flushIntervalMs: 3_600_000, maxBatchCalls: 1e6, maxPayloadBytes: 64 << 20 }),
        stringify: () => ({ name: "stringify", write: (call) => void JSON.stringify(call) }),
        none: () => ({ name: "none", write() {} }),
      };
      const recorder = createRecorder({ sinks: [SINKS[sink]()] });
      sides[`${dists.length > 1 ? `${LABELS[i]} ` : ""}${sink}`] = { openai: client(mock.url, { fetch: recorder.wrap(fetch) }), flush: () => recorder.flush() };
    }
  }
  const block = async ({ openai, flush }, count) => {
    for (let i = 0; i < count; i++) await openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
    await flush();
  };
  const names = Object.keys(sides);
  for (let made = 0; made < warm; made += calls) for (const name of names) await block(sides[name], Math.min(calls, warm - made));
  const perCall = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names.map((_, j) => names[(r + j) % names.length])) {
      // --gc (with node --expose-gc): each block starts from a collected heap, and pays for its own garbage only
      if ("gc" in args) globalThis.gc();
      const c0 = cpuMs();
      await block(sides[name], calls);
      perCall[name].push((cpuMs() - c0) / calls);
    }
  }
  mock.close();
  intake.close();
  const added = (name) => perCall[name].map((ms, r) => ms - perCall.bare[r]).sort((a, b) => a - b);
  console.log(`${rounds} rounds of ${calls} calls a side after ${warm}; bare SDK median ${perCall.bare.slice().sort((a, b) => a - b)[rounds >> 1].toFixed(3)} ms a call`);
  for (const name of names.slice(1)) {
    const xs = added(name);
    console.log(`${name.padEnd(14)} +${xs[rounds >> 1].toFixed(3)} ms a call (worst +${xs[rounds - 1].toFixed(3)}, best +${xs[0].toFixed(3)})`);
  }
  // each later build against the first in the same round, sink by sink (a round's load hits both)
  for (const later of LABELS.slice(1, dists.length))
    for (const sink of sinks) {
      const xs = perCall[`${later} ${sink}`].map((ms, r) => ms - perCall[`A ${sink}`][r]).sort((a, b) => a - b);
      console.log(`${later} - A, ${sink}: ${xs[rounds >> 1] >= 0 ? "+" : ""}${xs[rounds >> 1].toFixed(3)} ms a call (middle half ${xs[rounds >> 2].toFixed(3)} to ${xs[(3 * rounds) >> 2].toFixed(3)})`);
    }
}
