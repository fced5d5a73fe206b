import { useMemo } from "react";
import { formatCount, formatMs, formatPercent, formatUSD } from "../format.ts";
import { StatCard } from "./stat-card.tsx";
import { computeTallies, groupByModel } from "./session-tallies.ts";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";

/** Session totals at a glance, then the same per model. */
export function TalliesView() {
  const calls = useCallArray({ finishedOnly: true });
  const tallies = useMemo(() => computeTallies(calls), [calls]);
  const models = useMemo(() => [...groupByModel(calls)].map(([model, group]) => [model, computeTallies(group)] as const), [calls]);
  const t = tallies;
  return (
    <div className="view view-tallies">
      <style>{viewCss}</style>
      <div className="cards">
        <StatCard label="Calls" value={formatCount(t.calls)} />
        <StatCard label="Input tokens" value={formatCount(t.inputTokens)} />
        <StatCard label="Output tokens" value={formatCount(t.outputTokens)} />
        <StatCard label="Cost" value={formatUSD(t.costUSD)} />
        <StatCard
          label="Errors"
          value={formatCount(t.errors)}
          tone={t.errors > 0 ? "error" : undefined}
          detail={t.errorsByKind.length > 0 ? t.errorsByKind.map(([k, n]) => `${k} ${n}`).join(" · ") : "none"}
        />
        <StatCard label="Latency p50 / p95" value={`${formatMs(t.latency.p50)} / ${formatMs(t.latency.p95)}`} />
        <StatCard label="TTFT p50 / p95" value={`${formatMs(t.ttft.p50)} / ${formatMs(t.ttft.p95)}`} />
        <StatCard
          label="Jitter"
          value={`σ ${formatMs(t.latency.std)}`}
          detail={`CV ${formatPercent(t.latency.cv)}`}
          tone={t.latency.cv > 0.5 ? "warn" : undefined}
        />
        <StatCard label="Tokens / s" value={t.tokensPerSecond.count ? t.tokensPerSecond.mean.toFixed(1) : "—"} detail="mean output speed" />
      </div>
      <table className="grid-table">
        <caption>By model</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Calls</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">p50 / p95</th>
            <th scope="col">TTFT p50</th>
            <th scope="col">CV</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {models.map(([model, m]) => (
            <tr key={model}>
              <th scope="row" className="mono">{model}</th>
              <td className="num">{m.calls}</td>
              <td className="num">{formatCount(m.inputTokens)} / {formatCount(m.outputTokens)}</td>
              <td className="num">{formatUSD(m.costUSD)}</td>
              <td className="num">{formatMs(m.latency.p50)} / {formatMs(m.latency.p95)}</td>
              <td className="num">{formatMs(m.ttft.p50)}</td>
              <td className="num">{formatPercent(m.latency.cv)}</td>
              <td className={`num${m.errors ? " error-text" : ""}`}>{m.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
