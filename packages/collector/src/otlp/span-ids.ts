// Span identity for a call. With a W3C traceparent the span joins the app's
// trace as a child of the span that made the call; without one it gets its own
// trace. Ids derive from the call id, so re-exporting a call yields the same span.
import { fnv1a64 } from "../store/prompt-hash.ts";

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface ParsedTraceparent {
  traceId: string;
  parentSpanId: string;
  traceFlags: number;
}

export function parseTraceparent(header: string | undefined): ParsedTraceparent | undefined {
  const m = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, parentSpanId: m[2]!, traceFlags: parseInt(m[3]!, 16) };
}

export function spanIdFor(callId: string): string {
  return nonZero(fnv1a64(`span:${callId}`));
}

/** the root span of a recorded trace (the request as a whole) */
export function traceRootSpanIdFor(traceId: string): string {
  return nonZero(fnv1a64(`trace-root:${traceId}`));
}

/** a step of a recorded trace: calls made under the step are parented to this id */
export function stepSpanIdFor(traceId: string, stepId: string): string {
  return nonZero(fnv1a64(`step:${traceId}:${stepId}`));
}

export function traceIdFor(callId: string): string {
  return nonZero(fnv1a64(`trace-a:${callId}`) + fnv1a64(`trace-b:${callId}`));
}

function nonZero(hex: string): string {
  return /^0+$/.test(hex) ? hex.slice(0, -1) + "1" : hex;
}
