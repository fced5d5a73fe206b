// A closed trace made ready for the sinks: known retrieval APIs among its http
// steps, the tool steps its calls imply, the ids of its delivered calls and
// its summary; then its way out (deliver-trace.ts). Loaded lazily (package.json
// "imports" #trace-finish), the first time a trace ends, so apps that never
// trace never load it.
import type { RecorderOptions, RecorderStats } from "../types.ts";
import type { OpenTrace } from "./open-trace.ts";
import { retrievalSystem } from "./retrieval-endpoints.ts";
import { summarizeTrace } from "./summarize-trace.ts";
import { TOOL_CALL_ID, toolSteps, type SettledCall } from "./tool-steps.ts";
import type { Trace } from "./types.ts";

export { deliverTrace } from "./deliver-trace.ts";

export function finishTrace(trace: OpenTrace, options: RecorderOptions, stats: RecorderStats, maxSteps: number): Trace {
  const { record } = trace;
  // a copy: a step the app ends after this moment must not change what the sinks hold
  const out: Trace = { ...record, tags: { ...record.tags }, steps: record.steps.map((s) => ({ ...s, attributes: s.attributes && { ...s.attributes } })) };
  const timedByApp = new Set<string>();
  for (const step of out.steps) {
    const a = step.attributes ?? {};
    if (typeof a[TOOL_CALL_ID] === "string") timedByApp.add(a[TOOL_CALL_ID]);
    if (step.kind !== "http") continue;
    const system = retrievalSystem(String(a["server.address"]), String(a["url.path"]), String(a["http.request.method"]), options.retrievalEndpoints);
    if (system) {
      step.kind = "retrieval";
      a["db.system"] = system;
    }
  }
  const calls: SettledCall[] = trace.calls.map((c) => ({ call: c.call, startedAt: trace.epoch(c.start), delivered: c.delivered }));
  const tools = toolSteps(out.id, calls, timedByApp);
  stats.attributesCut += tools.cut;
  const room = Math.max(0, maxSteps - out.steps.length);
  out.steps.push(...tools.steps.slice(0, room));
  const over = tools.steps.length - room;
  if (over > 0) {
    out.droppedSteps = (out.droppedSteps ?? 0) + over;
    stats.stepsDropped += over;
  }
  out.steps.sort((a, b) => a.startedAt - b.startedAt);
  const delivered = calls.flatMap((c) => (c.delivered ? [c.delivered.id] : []));
  if (delivered.length) out.callIds = delivered;
  out.summary = summarizeTrace(out, calls);
  return out;
}
