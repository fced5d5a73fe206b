// "Where does feature X spend its time": per feature, the p50 and p95 of each
// kind of time in its traces, stacked, from the collector's trace rollups.
import { formatCount, formatMs } from "@llmscope/react/views";
import { useApi } from "../../api/use-api.ts";
import type { TraceStatsRow } from "../../api/types.ts";
import { pageHref } from "../../routing/route.ts";
import { useCollector } from "../../ui/api-context.ts";
import { LoadedView } from "../../ui/loaded-view.tsx";
import { TimeBar, TimeLegend } from "../../ui/time-bar.tsx";
import { segmentsTotal, timeSegments } from "../../ui/time-breakdown.ts";

export function FeatureTimeBreakdown() {
  const { api } = useCollector();
  const loaded = useApi(() => api.traceStats({ groupBy: "feature", period: "all" }), "trace-stats/feature");
  return (
    <>
      <h2 className="section-title">Time by kind per feature (traces)</h2>
      <LoadedView loaded={loaded}>
        {(answer) =>
          answer === undefined ? <p className="muted">This collector's store keeps no traces.</p>
          : answer.rows.length ? <BreakdownTable rows={answer.rows} />
          : <p className="muted">No traces recorded yet: the breakdown appears once the app records whole requests.</p>}
      </LoadedView>
    </>
  );
}

function BreakdownTable({ rows }: { rows: TraceStatsRow[] }) {
  const sorted = [...rows].sort((a, b) => (b.p95.durationMs ?? 0) - (a.p95.durationMs ?? 0));
  // p95 bars are the longest: every bar is drawn against the longest of them
  const scaleMs = Math.max(0, ...sorted.map((r) => segmentsTotal(timeSegments(r.p95))));
  return (
    <>
      <TimeLegend />
      <table className="console-table breakdown-table" aria-label="Time by kind per feature">
        <thead><tr><th>feature</th><th className="num">traces</th><th className="num">p50</th><th className="num">p95</th><th className="time-col">p50 and p95 of each kind, stacked</th></tr></thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key}>
              <td><a href={pageHref("traces", { feature: r.key })}>{r.key}</a></td>
              <td className="num">{formatCount(r.traces)}</td>
              <td className="num">{formatMs(r.p50.durationMs)}</td>
              <td className="num">{formatMs(r.p95.durationMs)}</td>
              <td className="time-col">
                {(["p50", "p95"] as const).map((q) => (
                  <div key={q} className="breakdown-bar">
                    <span className="muted small" aria-hidden="true">{q}</span>
                    <TimeBar segments={timeSegments(r[q])} scaleMs={scaleMs} label={`${q} of ${r.key}`} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
