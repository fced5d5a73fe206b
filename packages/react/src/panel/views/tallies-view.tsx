import { lazy, Suspense, useMemo } from "react";
import type { Summary } from "@llmscope/core";
import { formatCount, formatMs, formatPercent, formatUSD } from "../format.ts";
import { StatCard } from "./stat-card.tsx";
import { computeTallies, groupByModel } from "./session-tallies.ts";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";

// per-request figures come with the trace figures they share code with, in a chunk of their own
const RequestTalliesCards = lazy(() => import("../traces/request-tallies-cards.tsx").then((m) => ({ default: m.RequestTalliesCards })));

const p50p95 = (s: Summary) => (s.count > 0 ? `${formatMs(s.p50)} / ${formatMs(s.p95)}` : "—");

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
        <StatCard label="Latency p50 / p95" value={p50p95(t.latency)} />
        <StatCard label="TTFT p50 / p95" value={p50p95(t.ttft)} />
        <StatCard
          label="Jitter"
          value={t.latency.count > 1 ? `σ ${formatMs(t.latency.std)}` : "—"}
          detail={`CV ${formatPercent(t.latency.cv)}`}
          tone={t.latency.cv > 0.5 ? "warn" : undefined}
        />
        <StatCard label="Tokens / s" value={t.tokensPerSecond.count ? t.tokensPerSecond.p50.toFixed(1) : "—"} detail="median output speed" />
      </div>
      <Suspense>
        <RequestTalliesCards />
      </Suspense>
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
              <td className="num">{p50p95(m.latency)}</td>
              <td className="num">{m.ttft.count > 0 ? formatMs(m.ttft.p50) : "—"}</td>
              <td className="num">{m.latency.count > 1 ? formatPercent(m.latency.cv) : "—"}</td>
              <td className={`num${m.errors ? " error-text" : ""}`}>{m.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
