// The OTel pipeline the OTel-based peers share: a Node tracer provider with a
// batch processor exporting OTLP/HTTP (JSON) to the intake. Instrumentations
// are registered by hand: the auto-loading packages need a newer Node.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export function otelPipeline(sinkUrl, spanProcessors) {
  const provider = new NodeTracerProvider({
    spanProcessors: spanProcessors ?? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${sinkUrl}/v1/traces` }))],
  });
  provider.register();
  return { provider, flush: () => provider.forceFlush() };
}
