import { useMemo } from "react";
import type { LLMCall } from "@llmscope/core";
import { useTraces } from "../../store/use-call-store.ts";
import { formatClock, formatCount, formatMs, formatUSD } from "../format.ts";
import { KindBar, KindLegend } from "./kind-bar.tsx";
import { traceFigures } from "./trace-figures.ts";
import { useNow } from "./use-now.ts";
import { Waterfall } from "./waterfall.tsx";
import { waterfallRows } from "./waterfall-rows.ts";

interface TraceDetailProps {
  id: string;
  calls: readonly LLMCall[];
  onClose: () => void;
  onOpenCall: (callId: string) => void;
}

/** One request: its figures, where its time went, and the waterfall of its steps and calls. */
export function TraceDetail({ id, calls, onClose, onOpenCall }: TraceDetailProps) {
  const trace = useTraces((s) => s.traces.get(id));
  const now = useNow(trace !== undefined && trace.durationMs === undefined);
  const rows = useMemo(() => (trace ? waterfallRows(trace, calls) : []), [trace, calls]);
  if (!trace) return null;
  const f = traceFigures(trace, calls, now);
  const repeats = rows.filter((r) => r.repeat).length;
  // a stored request's calls are in memory only once the Calls tab has loaded them from storage
  const missing = (trace.callIds?.length ?? 0) - calls.length;
  return (
    <article className="detail trace-detail" aria-label={`Request ${trace.name} at ${formatClock(trace.startedAt)}`}>
      <header className="detail-head">
        {f.live ? <span className="badge badge-live"><span className="live-dot" aria-hidden="true" />running</span> : <span className={`badge ${f.errors || trace.error ? "badge-error" : "badge-ok"}`}>{f.errors || trace.error ? "error" : "done"}</span>}
        <strong>{trace.name}</strong>
        <span className="muted num">{formatClock(trace.startedAt)} · {formatMs(f.durationMs)}</span>
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-label="Close request" onClick={onClose}>✕</button>
      </header>
      <p className="trace-sums num" aria-label="Request summary">
        <span>{f.calls} LLM calls</span>
        <span>{formatCount(f.inputTokens)} → {formatCount(f.outputTokens)} tokens</span>
        <span>{formatUSD(f.costUSD)}</span>
        <span className={f.errors ? "error-text" : undefined}>{f.errors} errors</span>
        {trace.summary?.firstTokenMs !== undefined && <span>first token after {formatMs(trace.summary.firstTokenMs)}</span>}
        {trace.droppedSteps ? <span className="error-text">{trace.droppedSteps} steps over the cap not kept</span> : null}
        {missing > 0 && <span className="muted">{missing} of its calls not in memory: not drawn below</span>}
        {trace.abandoned && <span className="error-text">never ended by the app: closed after the timeout</span>}
      </p>
      {trace.error && <p className="error-text" role="alert">{trace.error.kind}: {trace.error.message}</p>}
      {repeats > 0 && (
        <p className="diagnosis-warn" role="note">
          ↻ {repeats} repeated tool call{repeats > 1 ? "s" : ""} with the same arguments: the agent may be going round in a loop.
        </p>
      )}
      <KindBar times={f.times} className="kind-bar kind-bar-wide" />
      <KindLegend times={f.times} />
      <Waterfall label={`Steps of ${trace.name}`} rows={rows} totalMs={f.durationMs} onOpenCall={onOpenCall} />
    </article>
  );
}
