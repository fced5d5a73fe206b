import type { LLMCall } from "@llmscope/core";
import { useTraces } from "../../store/use-call-store.ts";
import { formatMs } from "../format.ts";
import { Section } from "../detail/section.tsx";

/** In a call's detail: the request it was part of, and a way there. */
export function TraceOfCall({ call, onOpenTrace }: { call: LLMCall; onOpenTrace: (traceId: string) => void }) {
  const trace = useTraces((s) => (call.traceId ? s.traces.get(call.traceId) : undefined));
  const position = trace?.callIds?.indexOf(call.id) ?? -1;
  const step = call.parentId ? trace?.steps.find((s) => s.id === call.parentId) : undefined;
  return (
    <Section title="Request">
      <p className="trace-of-call">
        {trace ? (
          <>
            Part of <strong>{trace.name}</strong>
            {step && <> inside step <strong>{step.name}</strong></>}
            <span className="muted num"> · {trace.durationMs === undefined ? "running" : formatMs(trace.durationMs)}{position >= 0 ? ` · call ${position + 1} of ${trace.callIds!.length}` : ""}</span>{" "}
            <button type="button" className="link" onClick={() => onOpenTrace(trace.id)}>
              Open request waterfall
            </button>
          </>
        ) : (
          <span className="muted">Part of request <span className="mono">{call.traceId}</span>, not kept in memory.</span>
        )}
      </p>
    </Section>
  );
}
