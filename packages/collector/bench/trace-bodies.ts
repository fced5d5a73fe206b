// Ingest bodies of agent-like requests: each trace 4 LLM calls and 3 steps,
// calls with UUIDv7 ids as the recorder makes them. A trace travels in the
// batch that carries its last call (the recorder sends it once its calls end).
// Without traces, the same calls carry no trace id: today's calls-only traffic.
import { callId, type LLMCall, type Trace } from "@llmscope/core";
import { makeTrace } from "../src/testing/make-trace.ts";

const DEPARTMENTS = ["support", "sales", "legal", "marketing", "ops"];
const NAMES = ["answer-question", "search", "summarize", "triage"];

export function traceBodies(calls: number, batchSize: number, startAt: number, withTraces: boolean): string[] {
  const allCalls: LLMCall[] = [];
  const traceAfter = new Map<string, Trace>();
  for (let n = 0; allCalls.length < calls; n++) {
    const { trace, calls: made } = makeTrace({
      startedAt: startAt + n * 40, name: NAMES[n % NAMES.length]!, sessionId: `s${n % 3000}`,
      tags: { userId: `u${n % 200}`, department: DEPARTMENTS[n % DEPARTMENTS.length]!, feature: `f${n % 12}` },
    });
    made.forEach((c, i) => (c.id = callId(startAt + n * 40 + i * 10)));
    trace.callIds = made.map((c) => c.id);
    if (!withTraces) for (const c of made) delete c.traceId;
    allCalls.push(...made);
    traceAfter.set(made[made.length - 1]!.id, trace);
  }
  const out: string[] = [];
  for (let b = 0; b < calls / batchSize; b++) {
    const batch = allCalls.slice(b * batchSize, (b + 1) * batchSize);
    const traces = withTraces ? batch.flatMap((c) => traceAfter.get(c.id) ?? []) : [];
    out.push(JSON.stringify({ v: 1, sentAt: Date.now(), calls: batch, ...(withTraces ? { traces } : {}) }));
  }
  return out;
}
