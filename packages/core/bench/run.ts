// `pnpm bench` for @llmscope/core: prints markdown sections to stdout.
import { existsSync } from "node:fs";
import { callEndChunk, coreBundle, coreParts, recorderOnly } from "./bundle-size.ts";
import { jsonCallCost, perChunkCost } from "./in-process.ts";
import { loopback, loopbackMockDefaults } from "./loopback.ts";
import { ms, pass, ratio, us } from "./measure.ts";
import { compareSSEFramers } from "./sse-framers.ts";

const KB = 1024;
const out: string[] = [];
const line = (s = "") => out.push(s);
const log = (s: string) => process.stderr.write(`${s}\n`);

log("core: in-process cost per call…");
const json = await jsonCallCost();
log("core: per-chunk cost…");
const chunk = await perChunkCost();
log("core: loopback HTTP…");
const http = await loopback();
log("core: loopback HTTP against the mock LLM server (20 ms first chunk)…");
const realistic = await loopbackMockDefaults();
log("core: bundle sizes…");
const bundle = await coreBundle();
const recorder = await recorderOnly();
const parts = await coreParts();
const callEnd = await callEndChunk();
const sse = await compareSSEFramers();

const added = json.recorded - json.raw;
const perChunk = (chunk.recorded - chunk.raw) / chunk.chunks;

line("## Core recorder");
line();
line("Medians after warm-up. In-process rows call a fetch that returns a prebuilt Response, so the difference is the recorder alone (its shipped build); loopback rows are real HTTP on 127.0.0.1 to a server in a process of its own, measured interleaved in rounds of 20 pairs (15 to 40 rounds each); their result is the median of the rounds' ratios, the worst round beside it. Against a server that answers at once, the recorder's fixed cost per call (a Response rebuilt around a stream we fill or observe) is a visible share of a ~0.3 ms round trip; against the mock's realistic 20 ms it is a sliver. Both are kept.");
line();
line("| measure | without | with recorder | result | goal | |");
line("|---|---|---|---|---|---|");
line(`| added CPU per non-streamed call (4 KB JSON, parse + price + deliver) | ${ms(json.raw)} | ${ms(json.recorded)} | +${ms(added)} | ≤ 0.050 ms | ${pass(added <= 0.05)} |`);
line(`| added cost per streamed chunk (${chunk.chunks} SSE chunks) | ${ms(chunk.raw)} | ${ms(chunk.recorded)} | +${us(perChunk)} | ≤ 5 µs | ${pass(perChunk <= 0.005)} |`);
line(`| loopback HTTP round trip (4 KB JSON), server answering with zero delay | ${ms(http.roundTrip.a)} | ${ms(http.roundTrip.b)} | ${ratio(http.roundTrip)} | ≤ ×1.01 | ${pass(http.roundTrip.ratio <= 1.01)} |`);
line(`| streamed: time to first delta seen by the app, server answering with zero delay | ${ms(http.firstDelta.a)} | ${ms(http.firstDelta.b)} | ${ratio(http.firstDelta)} | ≤ ×1.01 | ${pass(http.firstDelta.ratio <= 1.01)} |`);
line(`| for scale: time to first delta through a bare \`pipeThrough(new TransformStream())\`, no recorder, zero delay | ${ms(http.bareTransform.a)} | ${ms(http.bareTransform.b)} | ${ratio(http.bareTransform)} | | |`);
line(`| realistic: loopback round trip, mock LLM server with its default 20 ms before answering | ${ms(realistic.roundTrip.a)} | ${ms(realistic.roundTrip.b)} | ${ratio(realistic.roundTrip)} | ≤ ×1.01 | ${pass(realistic.roundTrip.ratio <= 1.01)} |`);
line(`| realistic: time to first delta, mock LLM server with its default 20 ms before the first chunk | ${ms(realistic.firstDelta.a)} | ${ms(realistic.firstDelta.b)} | ${ratio(realistic.firstDelta)} | ≤ ×1.01 | ${pass(realistic.firstDelta.ratio <= 1.01)} |`);
line(`| core bundle, browser build: createRecorder + memorySink + beaconSink, all adapters (tokenizer and the call-end chunk lazy, excluded) | | | ${(bundle.gz / KB).toFixed(2)} KB min+gz (${(bundle.min / KB).toFixed(1)} KB min) | ≤ 8 KB | ${pass(bundle.gz <= 8 * KB)} |`);
line(`| the call-end chunk, loaded when recording starts (the request's reading, error classification, fingerprint, price table, secrets scrub) | | | ${(callEnd.gz / KB).toFixed(2)} KB min+gz | | |`);
line(`| of which recorder + stream observation + memory sink | | | ${(recorder.gz / KB).toFixed(2)} KB min+gz | ≈ 3 KB | |`);
line();
line("Where the core bundle's bytes go: each part's share is the bundle's min+gz size minus its size without that part. The recorder (with the request-trace API), stream observation and the memory sink are the rest; the request's reading (each adapter's request reader, the URL's query and the headers through the secrets rules), error classification, fingerprints, pricing and the secrets scrub are in the call-end chunk.");
line();
line("| part | adds (min+gz) |");
line("|---|---:|");
for (const { part, gz } of parts) line(`| ${part} | ${(gz / KB).toFixed(2)} KB |`);
line();
line("SSE framing, chosen by measurement (2,000 events fed in 97-character pieces):");
line();
line("| framer | per piece | min+gz |");
line("|---|---|---|");
line(`| hand-rolled \`createSSEFramer\` (used) | ${us(sse.ours.perChunk)} | ${sse.ours.gz} B |`);
line(`| eventsource-parser 3 | ${us(sse.theirs.perChunk)} | ${sse.theirs.gz} B |`);

for (const [file, name, fn] of [
  ["tokenizer.ts", "tokenizer benchmark", "benchTokenizers"],
  ["persistence.ts", "persistence benchmark", "benchPersistence"],
  ["traces.ts", "trace benchmark", "benchTraces"],
] as const) {
  line();
  if (!existsSync(new URL(`./${file}`, import.meta.url))) {
    line(`_(${name} not present: skipped)_`);
    continue;
  }
  log(`core: ${name}…`);
  try {
    const mod = (await import(`./${file}`)) as Record<string, () => Promise<string>>;
    line((await mod[fn]!()).trim());
  } catch (err) {
    line(`_(${name} failed: ${(err as Error).message})_`);
  }
}

process.stdout.write(out.join("\n") + "\n");
