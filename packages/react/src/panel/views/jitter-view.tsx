import { useMemo } from "react";
import type { LLMCall } from "@llmscope/core";
import { summarize } from "@llmscope/core";
import { formatMs, formatPercent } from "../format.ts";
import { StripPlot, type StripPoint } from "../charts/strip-plot.tsx";
import { groupByModel } from "./session-tallies.ts";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";

function points(calls: { id: string; value: number | undefined }[]): StripPoint[] {
  return calls.filter((c): c is StripPoint => typeof c.value === "number" && Number.isFinite(c.value));
}

/** How steady each model answers: total latency and time to first token, call by call. */
export function JitterView({ onOpenCall }: { onOpenCall: (id: string) => void }) {
  const calls = useCallArray({ finishedOnly: true });
  return <JitterPlots calls={calls} onOpenCall={onOpenCall} />;
}

/** the same plots for calls from anywhere (the console reads them from the collector) */
export function JitterPlots({ calls, onOpenCall }: { calls: readonly LLMCall[]; onOpenCall?: (id: string) => void }) {
  const models = useMemo(
    () =>
      [...groupByModel(calls.filter((c) => !c.error))].map(([model, group]) => {
        const total = points(group.map((c) => ({ id: c.id, value: c.timing?.durationMs })));
        const ttft = points(group.map((c) => ({ id: c.id, value: c.timing?.ttftMs })));
        const max = Math.max(1, ...total.map((p) => p.value), ...ttft.map((p) => p.value));
        return { model, total, ttft, max, stats: summarize(total.map((p) => p.value)) };
      }),
    [calls],
  );
  if (models.length === 0) return <p className="view muted">Latency appears here once calls finish.</p>;
  return (
    <div className="view view-jitter">
      <style>{viewCss}</style>
      {models.map((m) => (
        <section key={m.model} className="model-block" aria-label={`Latency of ${m.model}`}>
          <h3 className="section-title">
            <span className="mono">{m.model}</span>
            <span className="section-aside num">
              σ {formatMs(m.stats.std)} · CV {formatPercent(m.stats.cv)} · max {formatMs(m.stats.max)}
            </span>
          </h3>
          <StripPlot label="Total latency" points={m.total} max={m.max} onPick={onOpenCall} />
          <StripPlot label="Time to first token" points={m.ttft} max={m.max} onPick={onOpenCall} />
        </section>
      ))}
      <p className="legend-line small muted">
        <span className="swatch sw-p50" /> p50 <span className="swatch sw-p95" /> p95 <span className="swatch sw-out" /> outlier (beyond Q3 + 1.5 × IQR)
      </p>
    </div>
  );
}
