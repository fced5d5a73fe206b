// The markdown table of a run: per variant the medians over rounds, each round
// compared with the bare SDK measured in that same round.
import os from "node:os";

const NAMES = {
  bare: "bare openai SDK",
  "bare-again": "bare openai SDK again: the noise between processes",
  "llmscope-memory": "llmscope, memorySink",
  "llmscope-beacon": "llmscope, beaconSink",
  openllmetry: "OpenLLMetry (`@traceloop/instrumentation-openai` + OTLP)",
  openinference: "OpenInference (`@arizeai/openinference-instrumentation-openai` + OTLP)",
  langfuse: "Langfuse (`@langfuse/openai` + `@langfuse/otel`)",
  langsmith: "LangSmith (`wrapOpenAI`)",
  "floor-capture": "no product, the floor: a fetch wrapper keeping the request's body and the JSON answer's text",
  "floor-read": "no product, the floor: the same, both bodies parsed in a later task into a small record",
  "llmscope-memory@baseline": "llmscope, memorySink (baseline build)",
  "llmscope-beacon@baseline": "llmscope, beaconSink (baseline build)",
};
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = ({ median, worst }) => `${median.toFixed(3)} ms (${worst.toFixed(3)})`;
/** a sorted list's value at fraction q of the way */
const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const kib = (b) => (b < 1024 ? `${Math.round(b)} B` : `${(b / 1024).toFixed(1)} KiB`);

export function report(results, { rounds, shortRounds = 0, warmup, calls, streams, warmAfter, beside, besideCalls, memoryCalls }) {
  const rows = Object.entries(results).map(([variant, { speed, short = [], delivered, memory }]) => {
    // per round against that round's bare run: the median and the worst round; all but the warm CPU over the short rounds too
    const vsBare = (pick, op, withShortRounds = true) => {
      const pairs = (own, bare) => (bare ? own.map((m, r) => op(pick(m), pick(bare[r]))) : []);
      const all = [...pairs(speed, results.bare?.speed), ...(withShortRounds ? pairs(short, results.bare?.short) : [])];
      const values = all.length ? all : [NaN];
      return { median: median(values), worst: Math.max(...values) };
    };
    // every round's pairs pooled: each pair already against the bare SDK of its own process
    const pairs = speed.flatMap((m) => m.beside ?? []).sort((a, b) => a - b);
    const made = delivered.reduce((n, d) => n + d.made, 0);
    const bytes = delivered.reduce((n, d) => n + d.bytes, 0);
    const records = delivered.reduce((n, d) => n + (d.kept ?? d.records), 0);
    return {
      variant,
      cpu: vsBare((m) => m.cpuPerCall, (a, b) => a - b),
      warm: vsBare((m) => m.warmCpuPerCall ?? NaN, (a, b) => a - b, false),
      beside: pairs.length ? `${median(pairs).toFixed(3)} ms (${at(pairs, 0.25).toFixed(3)} to ${at(pairs, 0.75).toFixed(3)})` : "–",
      first: vsBare((m) => m.first, (a, b) => a / b),
      last: vsBare((m) => m.last, (a, b) => a / b),
      bytes: bytes / made,
      sent: bytes > 0,
      delivered: `${records} of ${made}${delivered.some((d) => d.kept !== undefined) ? " kept" : ""}`,
      memory: memory?.heapGrowthMB,
    };
  });
  const lines = [
    "## Side by side with peers",
    "",
    `Measured by \`pnpm bench:peers\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, generated ${new Date().toISOString().slice(0, 10)}; load average at the end of the run ${os.loadavg()[0].toFixed(1)} (on a busy machine differences under a millisecond of CPU are within the noise between runs).`,
    `The openai SDK against the mock LLM server on 127.0.0.1 with no delay before or between chunks; each variant in a process of its own, ${rounds} interleaved rounds of ${calls} non-streamed and ${streams} streamed calls${shortRounds ? `, then ${shortRounds} rounds of processes that make the same calls but stop before the warm ones, whose starting CPU and stream times join the others' (those vary between processes far more than warm CPU does)` : ""}; every variant exports to a local endpoint that counts what arrives. Figures are medians over rounds, each compared with the bare SDK in the same round, with the worst round in brackets: read the ranking, not the absolute times. The bare SDK's second row is the same SDK in processes of its own: its figures are the noise between processes, which a difference between rows has to exceed to mean anything.`,
    "Every answer of the endpoint says it reads gzip (`accept-encoding: gzip`), as `@llmscope/collector`'s do: llmscope's beacon sends its first batch plain and gzips the rest; the OTLP exporters and LangSmith run with their defaults (uncompressed; the OTLP exporter can gzip when configured to).",
    `CPU added per call includes the flush that delivers the calls; it is measured three times in each process: over its calls ${warmup + 1} to ${warmup + calls}, while the JIT is still compiling what they run (a process that has just started); over ${calls} calls made once ${warmAfter} have warmed it (a server up for a while), against the bare SDK's own process of the round; and${beside ? ` in ${beside} pairs of blocks of ${besideCalls} calls, the variant's block beside one of the same SDK loaded a second time in the same process, untouched by any instrumentation and warmed by the same calls and streams: the process, its heap and the load of the moment are then the same for both, and the column gives the median over all rounds' pairs with the middle half of them in brackets (the bare SDK's row: its two instances against each other). What a variant changes for the whole process is paid by both sides there and left out of that column: the context that the OTel-based peers and LangSmith keep for each call (AsyncLocalStorage, whose hooks on Node 20 run for every promise of the process; \`context-tax.mjs\` measures it), which the warm-process column includes` : " (left out of this run) beside the same SDK loaded apart in the same process"}. Bytes per call: request bodies as they reached the endpoint. Memory: heap and ArrayBuffers left after ${memoryCalls} calls with the endpoint down.`,
    "",
    "| variant | CPU added per non-streamed call, starting process (worst round) | warm process (worst round) | warm, beside the bare SDK in one process (middle half) | stream: first chunk vs bare (worst) | last chunk vs bare (worst) | bytes sent per call | delivered | heap + buffers growth, endpoint down |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const isBare = r.variant === "bare";
    const unrecorded = isBare || r.variant === "bare-again";
    const floor = r.variant.startsWith("floor-");
    // the floor's wrappers see no stream: their stream times are the bare SDK's, not a result
    const streams = (x) => (isBare ? "×1" : floor ? "– (sees none)" : `×${x.median.toFixed(2)} (×${x.worst.toFixed(2)})`);
    lines.push(
      `| ${NAMES[r.variant] ?? r.variant} | ${isBare ? "–" : ms(r.cpu)} | ${isBare || Number.isNaN(r.warm.median) ? "–" : ms(r.warm)} | ${r.beside} | ${streams(r.first)} | ${streams(r.last)} | ${r.sent ? kib(r.bytes) : "–"} | ${unrecorded ? "–" : floor ? `${r.delivered} (the JSON answers)` : r.delivered} | ${r.memory === undefined ? "–" : `${r.memory.toFixed(1)} MB`} |`,
    );
  }
  return lines.join("\n");
}
