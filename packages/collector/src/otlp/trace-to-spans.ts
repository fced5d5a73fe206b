// A recorded trace as spans by the GenAI conventions: the request is the root
// (`invoke_agent {name}` when the model drove tools, else
// `invoke_workflow {name}`), each step its own span (`execute_tool {name}`,
// `retrieval {data source}`, `invoke_agent {name}`, an HTTP CLIENT span, INTERNAL
// spans for the rest). The trace's calls arrive as their own records and are
// exported by callToSpan as `chat {model}` children of their step or the root.
// Ids derive from the trace and step ids, so exporting again yields the same spans.
import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { Step, StepError, Trace } from "@llmscope/core";
import { stepSpanIdFor, traceRootSpanIdFor } from "./span-ids.ts";

const SCOPE = { name: "@llmscope/collector", version: "0.1.0" };
const W3C_TRACE_ID = /^[0-9a-f]{32}$/;
const W3C_SPAN_ID = /^[0-9a-f]{16}$/;
const TOOL_CALL_ID = ["toolCallId", "tool_call_id", "callId"];

const hrTime = (epochMs: number): HrTime => {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1e6)];
};

/** an agent drove tools: the request is one agent invocation; otherwise a workflow of steps */
export function rootOperation(trace: Trace): "invoke_agent" | "invoke_workflow" {
  return trace.steps.some((s) => s.kind === "tool") && !trace.steps.some((s) => s.kind === "agent") ? "invoke_agent" : "invoke_workflow";
}

function stepShape(step: Step): { name: string; kind: SpanKind; attributes: Attributes } {
  switch (step.kind) {
    case "tool": {
      const a: Attributes = { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": step.name, "gen_ai.tool.type": "function" };
      const id = TOOL_CALL_ID.map((k) => step.attributes?.[k]).find((v) => typeof v === "string");
      if (id !== undefined) a["gen_ai.tool.call.id"] = id;
      return { name: `execute_tool ${step.name}`, kind: SpanKind.INTERNAL, attributes: a };
    }
    case "retrieval":
      return { name: `retrieval ${step.name}`, kind: SpanKind.CLIENT, attributes: { "gen_ai.operation.name": "retrieval", "gen_ai.data_source.id": step.name } };
    case "agent":
      return { name: `invoke_agent ${step.name}`, kind: SpanKind.INTERNAL, attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": step.name } };
    case "http":
      return { name: step.name, kind: SpanKind.CLIENT, attributes: {} };
    default:
      return { name: step.name, kind: SpanKind.INTERNAL, attributes: {} };
  }
}

function span(fields: {
  traceId: string; spanId: string; parentSpanId?: string; remoteParent?: boolean; name: string; kind: SpanKind;
  startedAt: number; durationMs: number; attributes: Attributes; error?: StepError | undefined; resource: Resource;
}): ReadableSpan {
  const duration = Math.max(0, fields.durationMs);
  const out: ReadableSpan = {
    name: fields.name, kind: fields.kind,
    spanContext: () => ({ traceId: fields.traceId, spanId: fields.spanId, traceFlags: TraceFlags.SAMPLED }),
    startTime: hrTime(fields.startedAt), endTime: hrTime(fields.startedAt + duration), duration: hrTime(duration),
    status: fields.error ? { code: SpanStatusCode.ERROR, message: fields.error.message } : { code: SpanStatusCode.UNSET },
    attributes: fields.error ? { ...fields.attributes, "error.type": fields.error.kind } : fields.attributes,
    links: [], events: [], ended: true, resource: fields.resource, instrumentationScope: SCOPE,
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
  if (!fields.parentSpanId) return out;
  return { ...out, parentSpanContext: { traceId: fields.traceId, spanId: fields.parentSpanId, traceFlags: TraceFlags.SAMPLED, isRemote: fields.remoteParent ?? false } };
}

function rootAttributes(trace: Trace, operation: string): Attributes {
  const a: Attributes = { "gen_ai.operation.name": operation, "gen_ai.conversation.id": trace.sessionId, "llmscope.trace.name": trace.name };
  a[operation === "invoke_agent" ? "gen_ai.agent.name" : "gen_ai.workflow.name"] = trace.name;
  const s = trace.summary;
  if (s) {
    Object.assign(a, {
      "gen_ai.usage.input_tokens": s.inputTokens, "gen_ai.usage.output_tokens": s.outputTokens, "llmscope.cost_usd": s.costUSD,
      "llmscope.trace.llm_calls": s.calls, "llmscope.trace.llm_ms": s.llmMs, "llmscope.trace.retrieval_ms": s.retrievalMs,
      "llmscope.trace.tool_ms": s.toolMs, "llmscope.trace.preprocess_ms": s.preprocessMs, "llmscope.trace.http_ms": s.httpMs,
      "llmscope.trace.self_ms": s.selfMs,
    });
  }
  if (trace.tags.userId) a["user.id"] = trace.tags.userId;
  for (const [k, v] of Object.entries(trace.tags)) if (k !== "userId") a[`llmscope.tag.${k}`] = v;
  return a;
}

/** the root span and one span per step; empty for a trace id that is not a W3C one (its calls then keep their own traces) */
export function traceToSpans(trace: Trace, resource: Resource): ReadableSpan[] {
  if (!W3C_TRACE_ID.test(trace.id)) return [];
  const operation = rootOperation(trace);
  const rootId = traceRootSpanIdFor(trace.id);
  const appParent = trace.parentSpanId && W3C_SPAN_ID.test(trace.parentSpanId) ? trace.parentSpanId : undefined;
  const lastEnd = trace.steps.reduce((end, s) => Math.max(end, s.startedAt + (s.durationMs ?? 0)), trace.startedAt);
  const root = span({
    traceId: trace.id, spanId: rootId, ...(appParent ? { parentSpanId: appParent, remoteParent: true } : {}),
    name: `${operation} ${trace.name}`, kind: SpanKind.INTERNAL, startedAt: trace.startedAt,
    durationMs: trace.durationMs ?? lastEnd - trace.startedAt, attributes: rootAttributes(trace, operation), error: trace.error, resource,
  });
  const stepIds = new Set(trace.steps.map((s) => s.id));
  const steps = trace.steps.map((step) => {
    const shape = stepShape(step);
    const attributes: Attributes = { ...shape.attributes, "llmscope.step.kind": step.kind };
    for (const [k, v] of Object.entries(step.attributes ?? {})) attributes[`llmscope.step.${k}`] = v;
    const parent = step.parentId && stepIds.has(step.parentId) ? stepSpanIdFor(trace.id, step.parentId) : rootId;
    return span({
      traceId: trace.id, spanId: stepSpanIdFor(trace.id, step.id), parentSpanId: parent, name: shape.name, kind: shape.kind,
      startedAt: step.startedAt, durationMs: step.durationMs ?? 0, attributes, error: step.error, resource,
    });
  });
  return [root, ...steps];
}
