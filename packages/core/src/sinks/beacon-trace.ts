// Serializes a trace for the beacon: whole when it fits one payload, else with
// its latest steps left out (counted in droppedSteps) and long attribute
// values cut, so the summary and the first steps always arrive.
import type { Trace } from "../trace/types.ts";
import { utf8Bytes } from "./beacon-shrink.ts";

/** the trace as JSON of at most maxBytes, with its UTF-8 size; undefined when even the bare trace does not fit */
export function serializeTrace(trace: Trace, maxBytes: number): { json: string; bytes: number } | undefined {
  const { steps } = trace;
  for (let keep = steps.length, cut = Infinity; ; keep >>= 1, cut = 64) {
    const shown = keep < steps.length ? { ...trace, steps: steps.slice(0, keep), droppedSteps: (trace.droppedSteps ?? 0) + steps.length - keep } : trace;
    const json = JSON.stringify(shown, (_key, value: unknown) => (typeof value == "string" && value.length > cut ? value.slice(0, cut) : value));
    const bytes = utf8Bytes(json);
    if (bytes <= maxBytes) return { json, bytes };
    if (!keep) return undefined;
  }
}
