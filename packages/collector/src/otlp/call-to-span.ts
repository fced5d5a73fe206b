// Builds a finished ReadableSpan straight from a stored call: start and end come
// from the record, not from when the collector happens to export it.
import { SpanKind, SpanStatusCode, TraceFlags, type HrTime } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { LLMCall } from "@llmscope/core";
import type { ParsedTraceparent } from "./span-ids.ts";
import { genAiAttributes, operationName } from "./gen-ai-attributes.ts";
import { parseTraceparent, spanIdFor, stepSpanIdFor, traceIdFor, traceRootSpanIdFor } from "./span-ids.ts";
import { evaluationEvents } from "./evaluation-events.ts";

const SCOPE = { name: "@llmscope/collector", version: "0.1.0" };

function hrTime(epochMs: number): HrTime {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1e6)];
}

/** a call made inside a recorded trace is a child of its step's span, or of the trace's root span */
function traceParentOf(call: LLMCall): ParsedTraceparent | undefined {
  if (!call.traceId || !/^[0-9a-f]{32}$/.test(call.traceId)) return undefined;
  const parentSpanId = call.parentId ? stepSpanIdFor(call.traceId, call.parentId) : traceRootSpanIdFor(call.traceId);
  return { traceId: call.traceId, parentSpanId, traceFlags: TraceFlags.SAMPLED };
}

export function callToSpan(call: LLMCall, resource: Resource, includeContent: boolean): ReadableSpan {
  const parent = traceParentOf(call) ?? parseTraceparent(call.traceparent);
  const traceId = parent?.traceId ?? traceIdFor(call.id);
  const spanId = spanIdFor(call.id);
  const durationMs = call.timing.durationMs ?? (call.endedAt !== undefined ? call.endedAt - call.startedAt : 0);
  const span: ReadableSpan = {
    name: call.model ? `${operationName(call)} ${call.model}` : operationName(call),
    kind: SpanKind.CLIENT,
    spanContext: () => ({ traceId, spanId, traceFlags: TraceFlags.SAMPLED }),
    startTime: hrTime(call.startedAt),
    endTime: hrTime(call.startedAt + Math.max(0, durationMs)),
    duration: hrTime(Math.max(0, durationMs)),
    status: call.error ? { code: SpanStatusCode.ERROR, message: call.error.message } : { code: SpanStatusCode.UNSET },
    attributes: genAiAttributes(call, includeContent),
    links: [],
    events: evaluationEvents(call, hrTime(call.startedAt + Math.max(0, durationMs))),
    ended: true,
    resource,
    instrumentationScope: SCOPE,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
  if (parent) {
    return { ...span, parentSpanContext: { traceId, spanId: parent.parentSpanId, traceFlags: parent.traceFlags, isRemote: true } };
  }
  return span;
}
