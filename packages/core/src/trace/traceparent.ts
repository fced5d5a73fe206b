// The W3C traceparent header: `00-{trace id}-{parent span id}-{flags}`.

export interface ParentContext {
  traceId: string;
  spanId: string;
}

const FORMAT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** the trace and span an incoming header names; undefined when it is malformed or invalid */
export function parseTraceparent(header: string | null | undefined): ParentContext | undefined {
  const m = FORMAT.exec(header?.trim().toLowerCase() ?? "");
  if (!m || m[1] === "ff" || /^0+$/.test(m[2]!) || /^0+$/.test(m[3]!)) return;
  return { traceId: m[2]!, spanId: m[3]! };
}

/** a header pointing at `spanId` of `traceId`, sampled */
export const formatTraceparent = (traceId: string, spanId: string): string => `00-${traceId}-${spanId}-01`;
