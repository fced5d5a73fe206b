// Latency per model: total and time to first token, median and p95, and the
// jitter (p95 / median) that says how uneven a model is; per feature, where
// whole requests spend their time.
import { formatCount, formatMs, JitterPlots } from "@llmscope/react/views";
import { hrefOf } from "../routing/route.ts";
import { useApi } from "../api/use-api.ts";
import { useCollector } from "../ui/api-context.ts";
import { BarChart } from "../ui/bar-chart.tsx";
import { LoadedView } from "../ui/loaded-view.tsx";
import { FeatureTimeBreakdown } from "./latency/feature-time-breakdown.tsx";

const RECENT = 500;

export function LatencyPage(_: { query: URLSearchParams }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.stats({ groupBy: "model", period: "all" }), "latency");
  const recent = useApi(() => api.calls({ limit: RECENT }), "latency-recent");
  return (
    <section className="view" aria-label="Latency">
      <LoadedView loaded={loaded}>
        {({ rows }) => (
          <>
            <BarChart title="p95 total latency by model" bars={rows.map((r) => ({ label: r.key, value: r.latencyP95Ms ?? 0, text: formatMs(r.latencyP95Ms) }))} />
            <BarChart title="p95 time to first token by model" bars={rows.map((r) => ({ label: r.key, value: r.ttftP95Ms ?? 0, text: formatMs(r.ttftP95Ms) }))} />
            <table className="console-table" aria-label="Latency by model">
              <thead><tr><th>model</th><th className="num">calls</th><th className="num">TTFT p50</th><th className="num">TTFT p95</th><th className="num">total p50</th><th className="num">total p95</th><th className="num">jitter (p95/p50)</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <td className="mono">{r.key}</td><td className="num">{formatCount(r.calls)}</td>
                    <td className="num">{formatMs(r.ttftP50Ms)}</td><td className="num">{formatMs(r.ttftP95Ms)}</td>
                    <td className="num">{formatMs(r.latencyP50Ms)}</td><td className="num">{formatMs(r.latencyP95Ms)}</td>
                    <td className="num">{r.latencyP50Ms && r.latencyP95Ms ? `${(r.latencyP95Ms / r.latencyP50Ms).toFixed(2)}×` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadedView>
      <FeatureTimeBreakdown />
      <h2 className="section-title">Distribution of the latest {RECENT} calls, call by call</h2>
      <LoadedView loaded={recent}>
        {({ calls }) => <JitterPlots calls={calls} onOpenCall={(id) => (location.hash = hrefOf({ page: "call", id }))} />}
      </LoadedView>
    </section>
  );
}
