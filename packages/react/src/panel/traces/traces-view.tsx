import { useCallback, useEffect, useState } from "react";
import { useDevtools, useTraces } from "../../store/use-call-store.ts";
import { selectTrace } from "../../store/trace-store.ts";
import { callsOf } from "./calls-by-trace.ts";
import { TraceDetail } from "./trace-detail.tsx";
import { TraceList } from "./trace-list.tsx";
import { traceCss } from "./trace-css.ts";
import { useVisibleTraces } from "./use-visible-traces.ts";
import { useCallsByTrace } from "./use-trace-calls.ts";
import { findTraceSink, loadStoredTraces } from "./stored-traces.ts";

/** The session's requests, newest first, and the selected one's waterfall beside them. */
export function TracesView({ onOpenCall }: { onOpenCall: (callId: string) => void }) {
  const { traces: store, recorder, maxCalls } = useDevtools();
  const [text, setText] = useState("");
  const ids = useTraces((s) => s.ids);
  const traces = useTraces((s) => s.traces);
  const selectedId = useTraces((s) => s.selectedId);
  const evicted = useTraces((s) => s.evicted);
  const index = useCallsByTrace();
  const visible = useVisibleTraces(ids, traces, index, text);
  const [storedError, setStoredError] = useState<string>();
  useEffect(() => {
    // requests kept by earlier page loads: their calls show once the Calls tab has loaded them too
    const sink = findTraceSink(recorder);
    if (sink) loadStoredTraces(store, sink, maxCalls).catch((err) => setStoredError(err instanceof Error ? err.message : String(err)));
  }, [store, recorder, maxCalls]);
  const onSelect = useCallback((id: string) => selectTrace(store, id), [store]);
  return (
    <div className={`calls-view${selectedId ? " with-detail" : ""}`}>
      <style>{traceCss}</style>
      <div className="calls-main">
        <div className="filters" role="search">
          <input
            type="search"
            className="search"
            placeholder="Filter requests by name, step, model, tag"
            aria-label="Filter requests"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="shown num" aria-live="polite">
            {visible.length === ids.length ? `${ids.length} request${ids.length === 1 ? "" : "s"}` : `${visible.length} of ${ids.length}`}
          </span>
        </div>
        <TraceList ids={visible} index={index} selectedId={selectedId} onSelect={onSelect} />
        {storedError && <div className="history error-text" role="alert">Stored requests could not be read: {storedError}</div>}
        {evicted > 0 && <div className="history muted">{evicted.toLocaleString("en-US")} older requests left memory.</div>}
      </div>
      {selectedId && <TraceDetail key={selectedId} id={selectedId} calls={callsOf(index, selectedId)} onClose={() => selectTrace(store, null)} onOpenCall={onOpenCall} />}
    </div>
  );
}
