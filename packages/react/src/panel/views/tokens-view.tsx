import { useMemo } from "react";
import { diagnoseTokens, tokenOutliers, totalTokens } from "@llmscope/core";
import { formatClock, formatCount, formatPercent, modelLabel } from "../format.ts";
import { TokenBars } from "../charts/token-bars.tsx";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";

const outlierRatio = 1.5;

/** Where the tokens go: input or output, per call and per session, and which calls spiked. */
export function TokensView({ onOpenCall }: { onOpenCall: (id: string) => void }) {
  const calls = useCallArray({ finishedOnly: true });
  const diagnosis = useMemo(() => diagnoseTokens(calls), [calls]);
  const outliers = useMemo(() => tokenOutliers(calls, outlierRatio), [calls]);
  const flagged = useMemo(() => new Set(outliers.map((o) => o.call.id)), [outliers]);
  const sessions = useMemo(() => {
    const bySession = new Map<string, { calls: number; input: number; output: number }>();
    for (const c of calls) {
      const s = bySession.get(c.sessionId) ?? { calls: 0, input: 0, output: 0 };
      s.calls++;
      s.input += c.usage?.inputTokens ?? 0;
      s.output += c.usage?.outputTokens ?? 0;
      bySession.set(c.sessionId, s);
    }
    return [...bySession];
  }, [calls]);
  const tone = diagnosis.kind === "context_bloat" || diagnosis.kind === "verbose_output" ? "warn" : "info";
  return (
    <div className="view view-tokens">
      <style>{viewCss}</style>
      <p className={`diagnosis diagnosis-${tone}`} role="status">
        {diagnosis.message}
      </p>
      <div className="chart-block">
        <div className="legend-line small muted">
          <span className="swatch sw-in" /> input <span className="swatch sw-out-tok" /> output <span className="swatch sw-flag" /> above 150% of its prompt pattern's median
        </div>
        <TokenBars calls={calls} flagged={flagged} onPick={onOpenCall} />
      </div>
      {outliers.length > 0 && (
        <ul className="warnings" aria-label="Token spikes">
          {outliers.map((o) => (
            <li key={o.call.id}>
              <span className="badge badge-warn">{o.ratio.toFixed(1)}×</span>{" "}
              <button type="button" className="link" onClick={() => onOpenCall(o.call.id)}>
                {formatClock(o.call.startedAt)} {modelLabel(o.call)}
              </button>{" "}
              used {formatCount(totalTokens(o.call) ?? 0)} tokens; calls with the same prompt pattern use a median of {formatCount(o.median)}.
            </li>
          ))}
        </ul>
      )}
      <table className="grid-table">
        <caption>By session</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Calls</th>
            <th scope="col">Input</th>
            <th scope="col">Output</th>
            <th scope="col">Input share</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map(([id, s]) => (
            <tr key={id}>
              <th scope="row" className="mono">{id}</th>
              <td className="num">{s.calls}</td>
              <td className="num">{formatCount(s.input)}</td>
              <td className="num">{formatCount(s.output)}</td>
              <td className="num">{formatPercent(s.input + s.output > 0 ? s.input / (s.input + s.output) : undefined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
