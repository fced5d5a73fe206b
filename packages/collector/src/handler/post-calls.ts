// POST /v1/calls: a CallsEnvelope. Answers only after the batch is committed;
// alerts are evaluated on the stored batch, webhooks and OTLP run in the background.
// Calls that fail validation are refused one by one: the rest of the batch is
// stored, and the answer is a 400 listing what was refused and why.
import { scrubCallSecrets } from "@llmscope/core";
import type { HandlerContext } from "./context.ts";
import { applyFieldCaps } from "./field-caps.ts";
import { countRejection } from "./counters.ts";
import { json, problem } from "./responses.ts";
import { validateCallsEnvelope, type RejectedCall } from "./validate-envelope.ts";
import { ingestTraces } from "../traces/ingest-traces.ts";

/** what the 400 says when some calls or traces were refused (the rest are stored) */
function refusedOf(rejected: RejectedCall[], goodCalls: number, rejectedTraces: RejectedCall[], goodTraces: number) {
  if (!rejected.length && !rejectedTraces.length) return undefined;
  const parts = [
    ...(rejected.length ? [`${rejected.length} of ${goodCalls + rejected.length} calls`] : []),
    ...(rejectedTraces.length ? [`${rejectedTraces.length} of ${goodTraces + rejectedTraces.length} traces`] : []),
  ];
  const first = rejected[0] ?? rejectedTraces[0]!;
  return { error: `${parts.join(" and ")} refused; the rest are stored. First: ${first.error}`, rejected, ...(rejectedTraces.length ? { rejectedTraces } : {}) };
}

export async function postCalls(ctx: HandlerContext, body: unknown): Promise<Response> {
  const c = ctx.counters;
  let parsed;
  try {
    parsed = validateCallsEnvelope(body, ctx.limits.maxCallsPerBatch, ctx.now());
  } catch (err) {
    const { calls, traces } = (body ?? {}) as { calls?: unknown; traces?: unknown };
    c.callsRejected += Array.isArray(calls) ? calls.length : 0;
    c.tracesRejected += Array.isArray(traces) ? traces.length : 0;
    throw err;
  }
  const { calls, rejected, rejectedTraces } = parsed;
  c.batches++;
  c.callsReceived += calls.length + rejected.length;
  c.callsRejected += rejected.length;
  c.tracesRejected += rejectedTraces.length;
  if (rejected.length || rejectedTraces.length) countRejection(c, "invalid");
  const refused = refusedOf(rejected, calls.length, rejectedTraces, parsed.traces.length);
  if (!calls.length && !parsed.traces.length && refused) return json({ ...refused, accepted: 0, inserted: 0, duplicates: 0, truncated: 0, alerts: 0 }, 400);
  let truncated = 0;
  for (const call of calls) {
    // a client with older (or no) secret rules must not leave credentials in the store, exports or OTLP
    scrubCallSecrets(call);
    if (applyFieldCaps(call, ctx.limits.fieldCaps)) truncated++;
  }
  // The calls and the traces are stored side by side, each in its own group
  // commit: both are idempotent and may arrive in any order, and waiting for
  // the calls' commit before queueing the traces put a second commit's wait
  // into every request that carries traces.
  const [stored, storedTraces] = await Promise.allSettled([(async () => ctx.store.ingest(calls, ctx.now()))(), ingestTraces(ctx, parsed.traces)]);
  if (stored.status === "fulfilled") {
    c.callsInserted += stored.value.inserted.length;
    c.callsDuplicate += stored.value.duplicates;
    c.callsTruncated += truncated;
  }
  if (storedTraces.status === "fulfilled") {
    c.tracesReceived += parsed.traces.length + rejectedTraces.length;
    c.tracesInserted += storedTraces.value.inserted;
    c.tracesDuplicate += storedTraces.value.duplicates;
  }
  if (stored.status === "rejected" || storedTraces.status === "rejected") {
    // what was stored stays stored: a resent batch adds only what is missing
    for (const [what, s] of [[`a batch of ${calls.length} calls`, stored], [`${parsed.traces.length} traces`, storedTraces]] as const) {
      if (s.status === "fulfilled") continue;
      c.storageErrors++;
      ctx.log(`storing ${what} failed: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`);
    }
    return problem(503, "storage unavailable; retry the batch");
  }
  const result = stored.value;
  const traces = storedTraces.value;
  let alerts = 0;
  if (ctx.alerts) {
    // received by the collector's clock, as the calls were stored: the anomaly rule tells live calls from a catch-up by it
    const fired = await ctx.alerts.evaluate(result.inserted, traces.stored, ctx.now());
    alerts = fired.length;
    c.alertsFired += alerts;
  }
  if (ctx.otlp && result.inserted.length) ctx.otlp.forward(result.inserted.map((i) => i.call));
  return json({
    ...refused,
    accepted: calls.length, inserted: result.inserted.length, duplicates: result.duplicates, truncated, alerts,
    traces: { accepted: parsed.traces.length, inserted: traces.inserted, duplicates: traces.duplicates },
  }, refused ? 400 : 200);
}
