// Forwards stored calls and traces as spans over OTLP/HTTP (JSON) with the
// official exporter. Ingest only enqueues; a bounded queue is drained in
// batches on a timer, and what overflows or fails is counted (a trace counts
// as one record, whatever its number of steps).
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import type { LLMCall, Trace } from "@llmscope/core";
import type { CallForwarder } from "./call-forwarder.ts";
import { callToSpan } from "./call-to-span.ts";
import { traceToSpans } from "./trace-to-spans.ts";

export interface OtlpOptions {
  /** an OTLP/HTTP base (http://host:4318) or the full traces URL (…/v1/traces) */
  endpoint: string;
  headers?: Record<string, string>;
  /** export prompt and completion text as gen_ai.input/output.messages; default false */
  includeContent?: boolean;
  serviceName?: string;
  /** calls waiting to be sent; beyond this they are dropped and counted. Default 10,000 */
  maxQueue?: number;
  batchSize?: number;
  flushIntervalMs?: number;
}

export function tracesUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/v1/traces";
  return url.toString();
}

export function createOtlpForwarder(options: OtlpOptions): CallForwarder {
  const exporter = new OTLPTraceExporter({ url: tracesUrl(options.endpoint), headers: options.headers ?? {} });
  const resource = resourceFromAttributes({ "service.name": options.serviceName ?? "llmscope-collector" });
  const maxQueue = options.maxQueue ?? 10_000;
  const batchSize = options.batchSize ?? 512;
  const queue: (LLMCall | Trace)[] = [];
  const isTrace = (r: LLMCall | Trace): r is Trace => Array.isArray((r as Trace).steps);
  const inFlight = new Set<Promise<void>>();
  const counts = { forwarded: 0, dropped: 0, failed: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendBatch = (calls: (LLMCall | Trace)[]) => {
    const content = options.includeContent ?? false;
    const spans = calls.flatMap((r) => (isTrace(r) ? traceToSpans(r, resource) : [callToSpan(r, resource, content)]));
    const p = new Promise<void>((resolve) =>
      exporter.export(spans, (result) => {
        if (result.code === 0) counts.forwarded += calls.length;
        else counts.failed += calls.length;
        resolve();
      }),
    ).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const drain = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (queue.length) sendBatch(queue.splice(0, batchSize));
  };

  const enqueue = (records: (LLMCall | Trace)[]) => {
    const room = maxQueue - queue.length;
    if (records.length > room) counts.dropped += records.length - Math.max(0, room);
    queue.push(...records.slice(0, Math.max(0, room)));
    if (queue.length >= batchSize) drain();
    else if (!timer && queue.length) {
      timer = setTimeout(drain, options.flushIntervalMs ?? 1000);
      (timer as { unref?: () => void }).unref?.();
    }
  };

  return {
    forward: enqueue,
    forwardTraces: enqueue,
    async flush() {
      drain();
      await Promise.all([...inFlight]);
    },
    async shutdown() {
      drain();
      await Promise.all([...inFlight]);
      await exporter.shutdown();
    },
    stats: () => ({ ...counts }),
  };
}
