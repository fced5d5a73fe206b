import { useMemo } from "react";
import { formatClock, formatCount, formatPercent, modelLabel } from "../format.ts";
import { summarizeQuality, type QualitySummary } from "../quality/quality-summary.ts";
import { QUALITY_LABELS, qualityTone } from "../quality/quality-of.ts";
import { groupByModel } from "./session-tallies.ts";
import { StatCard } from "./stat-card.tsx";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";
import { qualityViewCss } from "./quality-view-css.ts";

const round = (n: number | undefined) => (n === undefined ? "—" : String(Math.round(n)));

/** How good the answers are: the spread of quality scores, each component, and what users said. */
export function QualityView({ onOpenCall }: { onOpenCall: (id: string) => void }) {
  const calls = useCallArray({ finishedOnly: true });
  const all = useMemo(() => summarizeQuality(calls), [calls]);
  const models = useMemo(() => [...groupByModel(calls)].map(([m, group]) => [m, summarizeQuality(group)] as const), [calls]);
  if (all.scored === 0 && all.up + all.down === 0) {
    return <p className="view muted">Finished calls with an answer are scored here (relevance, coherence, safety; accuracy with a reference answer).</p>;
  }
  const peak = Math.max(1, ...all.histogram);
  return (
    <div className="view view-quality">
      <style>{viewCss + qualityViewCss}</style>
      <div className="cards">
        <StatCard label="Average quality" value={round(all.means.average)} detail={`${formatCount(all.scored)} of ${formatCount(all.calls)} calls scored`} />
        {(Object.keys(QUALITY_LABELS) as (keyof typeof QUALITY_LABELS)[]).map((k) => (
          <StatCard key={k} label={QUALITY_LABELS[k]} value={round(all.means[k])} />
        ))}
        <StatCard
          label="Satisfaction"
          value={all.satisfaction === undefined ? "—" : formatPercent(all.satisfaction)}
          detail={`👍 ${all.up} · 👎 ${all.down}`}
          tone={all.satisfaction !== undefined && all.satisfaction < 0.5 ? "warn" : undefined}
        />
      </div>
      <figure className="chart-block" aria-label="Distribution of average quality">
        <figcaption className="small muted">Average quality, calls per band of 10</figcaption>
        <div className="q-hist">
          {all.histogram.map((n, i) => (
            <div key={i} className="q-hist-col" title={`${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${n} calls`}>
              <span className="num small">{n || ""}</span>
              <span className={`q-hist-bar q-${qualityTone(i * 10 + 5)}`} style={{ height: `${(n / peak) * 60}px` }} />
              <span className="small muted">{i * 10}</span>
            </div>
          ))}
        </div>
      </figure>
      <LowestCalls summary={all} onOpenCall={onOpenCall} />
      <table className="grid-table">
        <caption>By model</caption>
        <thead>
          <tr>
            <th scope="col">Model</th><th scope="col">Scored</th><th scope="col">Average</th>
            <th scope="col">Relevance</th><th scope="col">Accuracy</th><th scope="col">Coherence</th><th scope="col">Safety</th><th scope="col">👍 share</th>
          </tr>
        </thead>
        <tbody>
          {models.map(([model, m]) => (
            <tr key={model}>
              <th scope="row" className="mono">{model}</th>
              <td className="num">{m.scored}</td>
              <td className="num">{round(m.means.average)}</td>
              <td className="num">{round(m.means.relevance)}</td>
              <td className="num">{round(m.means.accuracy)}</td>
              <td className="num">{round(m.means.coherence)}</td>
              <td className="num">{round(m.means.safety)}</td>
              <td className="num">{m.satisfaction === undefined ? "—" : formatPercent(m.satisfaction)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LowestCalls({ summary, onOpenCall }: { summary: QualitySummary; onOpenCall: (id: string) => void }) {
  if (summary.lowest.length === 0) return null;
  return (
    <section className="model-block" aria-label="Lowest-scoring calls">
      <h3 className="section-title">Lowest scores</h3>
      <ul className="q-lowest">
        {summary.lowest.map(({ call, average }) => (
          <li key={call.id}>
            <button type="button" className="link small num" onClick={() => onOpenCall(call.id)}>
              {formatClock(call.startedAt)} · {modelLabel(call)}
            </button>
            <span className={`q q-${qualityTone(average)}`}>{Math.round(average)}</span>
            <span className="muted small q-snippet">{(call.completion?.text ?? "").slice(0, 120)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
