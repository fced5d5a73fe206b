// Cost by department / feature / user / model over days or months, with the
// change from the period before for each key (month over month).
import { formatCount, formatPercent, formatUSD } from "@llmscope/react/views";
import { useApi } from "../api/use-api.ts";
import { withPrevious } from "./cost-rows.ts";
import { useCollector } from "../ui/api-context.ts";
import { BarChart } from "../ui/bar-chart.tsx";
import { LoadedView } from "../ui/loaded-view.tsx";
import { StatsControls } from "./stats-controls.tsx";

const DIMS = ["department", "feature", "user", "model"] as const;

export function CostPage({ query }: { query: URLSearchParams }) {
  const { api } = useCollector();
  const groupBy = query.get("groupBy") ?? DIMS[0];
  const period = query.get("period") ?? "day";
  const loaded = useApi(() => api.stats({ groupBy, period }), `${groupBy}/${period}`);
  return (
    <section className="view" aria-label="Cost">
      <StatsControls page="cost" query={query} dims={DIMS} />
      <LoadedView loaded={loaded}>
        {({ rows }) => {
          const byKey = new Map<string, number>();
          for (const r of rows) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.costUSD);
          const total = rows.reduce((sum, r) => sum + r.costUSD, 0);
          // shown only where the collector scores quality or has votes
          const scored = rows.some((r) => r.quality);
          const voted = rows.some((r) => r.satisfaction);
          return (
            <>
              <p className="card-value num" aria-label="Total cost" data-total-usd={total}>Total {formatUSD(total)}</p>
              <BarChart title={`Cost by ${groupBy}`} bars={[...byKey].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value, text: formatUSD(value) }))} />
              <table className="console-table" aria-label={`Cost by ${groupBy} and ${period}`}>
                <thead><tr><th>{groupBy}</th><th>{period}</th><th className="num">calls</th><th className="num">tokens in</th><th className="num">tokens out</th><th className="num">cost</th><th className="num">vs previous</th>{scored && <th className="num">quality</th>}{voted && <th className="num">👍 rate</th>}</tr></thead>
                <tbody>
                  {withPrevious(rows).map((r) => (
                    <tr key={`${r.key}/${r.period}`}>
                      <td className="mono">{r.key}</td><td className="num">{r.period}</td><td className="num">{formatCount(r.calls)}</td>
                      <td className="num">{formatCount(r.inputTokens)}</td><td className="num">{formatCount(r.outputTokens)}</td>
                      <td className="num" data-cost={r.costUSD}>{formatUSD(r.costUSD)}</td>
                      <td className="num">{r.previousUSD ? formatPercent(r.costUSD / r.previousUSD - 1) : "—"}</td>
                      {scored && <td className="num">{r.quality?.average !== undefined ? Math.round(r.quality.average) : "—"}</td>}
                      {voted && <td className="num">{formatPercent(r.satisfaction?.rate)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </LoadedView>
    </section>
  );
}
