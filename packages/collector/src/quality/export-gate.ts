// Holds OTLP export of a call until it is scored, so its span carries the
// scores. Ingest announces calls; the loop reports them scored; whichever
// comes second sends the call on. Both sides are bounded: past the limit a
// call is sent unscored (and counted), and a scored call never announced in
// this process (left over from before a restart) is never exported twice.
import type { LLMCall } from "@llmscope/core";
import type { CallForwarder } from "../otlp/call-forwarder.ts";

export const MAX_WAITING_EXPORT = 50_000;
const MAX_UNANNOUNCED = 2_000;

export interface ExportGate {
  announced(calls: LLMCall[], counts: { exportedUnscored: number }): void;
  scored(calls: LLMCall[]): void;
}

export function createExportGate(next: CallForwarder, maxWaiting = MAX_WAITING_EXPORT): ExportGate {
  const waiting = new Set<string>();
  const unannounced = new Map<string, LLMCall>();
  return {
    announced(calls, counts) {
      const now: LLMCall[] = [];
      for (const call of calls) {
        const done = unannounced.get(call.id);
        if (done) {
          unannounced.delete(call.id);
          now.push(done);
        } else if (waiting.size < maxWaiting) waiting.add(call.id);
        else {
          counts.exportedUnscored++;
          now.push(call);
        }
      }
      if (now.length) next.forward(now);
    },
    scored(calls) {
      const now: LLMCall[] = [];
      for (const call of calls) {
        if (waiting.delete(call.id)) now.push(call);
        else {
          unannounced.set(call.id, call);
          if (unannounced.size > MAX_UNANNOUNCED) unannounced.delete(unannounced.keys().next().value!);
        }
      }
      if (now.length) next.forward(now);
    },
  };
}
