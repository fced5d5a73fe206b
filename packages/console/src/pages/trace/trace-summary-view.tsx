// The trace at a glance: who and what, when, how long, how much, and where
// its time went by kind (the recorder's summary: each kind's wall-clock time).
import { formatCount, formatMs, formatPercent, formatUSD } from "@llmscope/react/views";
import type { TraceListItem } from "../../api/types.ts";
import { hrefOf } from "../../routing/route.ts";
import { formatInstant } from "../../ui/format-instant.ts";
import { TimeBar } from "../../ui/time-bar.tsx";
import { segmentsTotal, timeSegments } from "../../ui/time-breakdown.ts";
import { plural } from "../../ui/plural.ts";

export function TraceSummaryView({ trace }: { trace: TraceListItem }) {
  const segments = timeSegments(trace.summary);
  const total = segmentsTotal(segments);
  return (
    <header className="trace-summary">
      <h1 className="trace-title">{trace.name}{trace.abandoned && <span className="badge badge-warn">abandoned: never ended by the app</span>}</h1>
      <dl className="pairs trace-facts" aria-label="Trace summary">
        <div><dt>started</dt><dd className="num">{formatInstant(trace.startedAt)}</dd></div>
        <div><dt>duration</dt><dd className="num">{formatMs(trace.durationMs)}</dd></div>
        <div><dt>first token</dt><dd className="num">{formatMs(trace.summary?.firstTokenMs)}</dd></div>
        <div><dt>LLM calls</dt><dd className="num">{trace.calls}</dd></div>
        <div><dt>tokens in / out</dt><dd className="num">{formatCount(trace.inputTokens)} / {formatCount(trace.outputTokens)}</dd></div>
        <div><dt>cost</dt><dd className="num" data-cost-usd={trace.costUSD}>{formatUSD(trace.costUSD)}</dd></div>
        <div><dt>errors</dt><dd className="num">{trace.errors}</dd></div>
        <div><dt>session</dt><dd><a className="mono" href={hrefOf({ page: "session", id: trace.sessionId })}>{trace.sessionId}</a></dd></div>
        <div><dt>tags</dt><dd className="mono">{Object.entries(trace.tags).map(([k, v]) => `${k}=${v}`).join(" · ") || "—"}</dd></div>
      </dl>
      {trace.error && <p className="error-text" role="alert">{trace.error.kind}: {trace.error.message}</p>}
      {trace.droppedSteps ? <p className="muted">{plural(trace.droppedSteps, "step")} {trace.droppedSteps === 1 ? "was" : "were"} cut by the recorder's per-trace cap and are not shown.</p> : null}
      {segments.length > 0 && (
        <table className="console-table time-table" aria-label="Time by kind">
          <tbody>
            {segments.map((s) => (
              <tr key={s.key}>
                <th scope="row"><span className={`swatch tk-${s.key}`} aria-hidden="true" />{s.label}</th>
                <td className="num">{formatMs(s.ms)}</td>
                <td className="num">{formatPercent(s.ms / total)}</td>
                <td className="time-col"><TimeBar segments={[s]} scaleMs={total} label={s.label} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </header>
  );
}
