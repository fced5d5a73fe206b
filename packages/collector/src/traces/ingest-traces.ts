// What POST /v1/calls does with the envelope's traces once its calls are
// committed: store them (one transaction), then hand the stored ones to the
// trace alert rules and the OTLP export. A store without traces ignores
// them, as an older collector would.
import type { Trace } from "@llmscope/core";
import type { HandlerContext } from "../handler/context.ts";

export interface TracesIngested {
  inserted: number;
  duplicates: number;
  /** the stored traces, for the alert rules and the export */
  stored: Trace[];
}

export async function ingestTraces(ctx: HandlerContext, traces: Trace[]): Promise<TracesIngested> {
  const store = ctx.store.traces;
  if (!store || !traces.length) return { inserted: 0, duplicates: 0, stored: [] };
  const result = await store.ingest(traces, ctx.now());
  if (result.inserted.length) ctx.otlp?.forwardTraces?.(result.inserted);
  return { inserted: result.inserted.length, duplicates: result.duplicates, stored: result.inserted };
}
