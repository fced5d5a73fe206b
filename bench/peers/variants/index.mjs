// The variants measured side by side. Each sets up its instrumentation in a
// fresh process and returns the client the workload calls, a flush that
// delivers everything it recorded, and, where nothing is sent, how many calls
// it kept (memorySink's: those it holds and those it evicted, counted, to stay
// within its capacity of 1000).
import { floorRecorders } from "../floor-recorders.mjs";
import { client, openaiModule } from "./openai.mjs";
import { otelPipeline } from "./otel.mjs";

// the workspace's build, or (for a before/after run) another build of the package given by run.mjs --baseline
const llmscope = (dist) => import(new URL("index.js", dist ?? new URL("../../../packages/core/dist/", import.meta.url)).href);

export const VARIANTS = {
  async bare({ mockUrl }) {
    return { openai: client(mockUrl), flush: async () => {} };
  },
  // the bare SDK again, in processes of its own: how far it lands from bare is the noise between processes,
  // which a difference between two rows of the table has to beat to mean anything
  "bare-again": (job) => VARIANTS.bare(job),
  async "llmscope-memory"({ mockUrl, dist }) {
    const { createRecorder, memorySink } = await llmscope(dist);
    const sink = memorySink({ capacity: 1000 });
    const recorder = createRecorder({ sinks: [sink] });
    return { openai: client(mockUrl, { fetch: recorder.wrap(fetch) }), flush: () => recorder.flush(), kept: () => sink.calls().length + sink.dropped, stats: () => recorder.stats() };
  },
  async "llmscope-beacon"({ mockUrl, sinkUrl, dist }) {
    const { createRecorder, beaconSink } = await llmscope(dist);
    const recorder = createRecorder({ sinks: [beaconSink({ url: `${sinkUrl}/v1/calls` })] });
    return { openai: client(mockUrl, { fetch: recorder.wrap(fetch) }), flush: () => recorder.flush(), stats: () => recorder.stats() };
  },
  // no product: the floor under any recorder at fetch level (floor-recorders.mjs), to read the rows above and below
  // against. Each keeps the JSON answers it sees in a ring of 1,000 and sends nothing; it sees no stream
  "floor-capture": ({ mockUrl }) => floor(mockUrl, "capture"),
  "floor-read": ({ mockUrl }) => floor(mockUrl, "read"),
  async openllmetry({ mockUrl, sinkUrl }) {
    const { OpenAIInstrumentation } = await import("@traceloop/instrumentation-openai");
    const { provider, flush } = otelPipeline(sinkUrl);
    const instrumentation = new OpenAIInstrumentation();
    instrumentation.setTracerProvider(provider);
    instrumentation.manuallyInstrument(openaiModule.OpenAI);
    return { openai: client(mockUrl), flush };
  },
  async openinference({ mockUrl, sinkUrl }) {
    const { OpenAIInstrumentation } = await import("@arizeai/openinference-instrumentation-openai");
    const { provider, flush } = otelPipeline(sinkUrl);
    const instrumentation = new OpenAIInstrumentation({ tracerProvider: provider });
    instrumentation.manuallyInstrument(openaiModule);
    return { openai: client(mockUrl), flush };
  },
  async langfuse({ mockUrl, sinkUrl }) {
    const { LangfuseSpanProcessor } = await import("@langfuse/otel");
    const { observeOpenAI } = await import("@langfuse/openai");
    const processor = new LangfuseSpanProcessor({ publicKey: "pk-lf-bench", secretKey: "sk-lf-bench", baseUrl: sinkUrl });
    const { flush } = otelPipeline(sinkUrl, [processor]);
    return { openai: observeOpenAI(client(mockUrl)), flush };
  },
  async langsmith({ mockUrl, sinkUrl }) {
    const { Client } = await import("langsmith");
    const { wrapOpenAI } = await import("langsmith/wrappers");
    const ls = new Client({ apiUrl: sinkUrl, apiKey: "ls-bench" });
    process.env.LANGSMITH_TRACING = "true";
    return { openai: wrapOpenAI(client(mockUrl), { client: ls }), flush: () => ls.awaitPendingTraceBatches() };
  },
};

function floor(mockUrl, name) {
  const wrapped = floorRecorders()[name];
  return { openai: client(mockUrl, { fetch: wrapped }), flush: wrapped.flush, kept: wrapped.kept };
}
