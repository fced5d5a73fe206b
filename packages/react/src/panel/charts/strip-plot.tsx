import { percentile } from "@llmscope/core";
import { formatMs } from "../format.ts";

export interface StripPoint {
  id: string;
  value: number;
}

/** Tukey's fence: beyond Q3 + 1.5 × IQR is unusual whatever the distribution's shape. */
export function outlierFence(sorted: number[]): number {
  const q1 = percentile(sorted, 25);
  const q3 = percentile(sorted, 75);
  return q3 + 1.5 * (q3 - q1);
}

const width = 480;
const height = 44;
const pad = 6;

/** One dot per call on a shared axis, p50 and p95 as lines, outliers in red. */
export function StripPlot({ label, points, max, onPick }: { label: string; points: StripPoint[]; max: number; onPick?: (id: string) => void }) {
  if (points.length === 0) {
    return <p className="muted small">{label}: no data</p>;
  }
  const sorted = points.map((p) => p.value).sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const fence = outlierFence(sorted);
  const x = (v: number) => pad + (Math.min(v, max) / Math.max(1, max)) * (width - 2 * pad);
  const outliers = points.filter((p) => p.value > fence).length;
  return (
    <figure className="strip">
      <figcaption>
        <span>{label}</span>
        <span className="num muted">
          p50 {formatMs(p50)} · p95 {formatMs(p95)} · {points.length} calls{outliers > 0 && <span className="error-text"> · {outliers} outlier{outliers > 1 ? "s" : ""}</span>}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`${label}: p50 ${formatMs(p50)}, p95 ${formatMs(p95)}, ${outliers} outliers`}>
        <line className="axis" x1={pad} x2={width - pad} y1={height - 4} y2={height - 4} />
        <line className="p50" x1={x(p50)} x2={x(p50)} y1={2} y2={height - 4} />
        <line className="p95" x1={x(p95)} x2={x(p95)} y1={2} y2={height - 4} />
        {points.map((p, i) => {
          const outlier = p.value > fence;
          // a fixed spread by position, so dots of equal value stay visible and the plot does not dance between renders
          const y = 8 + ((i * 7919) % 25);
          return (
            // a zero-length round-capped line stays a round dot however far the plot is stretched
            <line key={p.id} className={outlier ? "dot dot-out" : "dot"} x1={x(p.value)} x2={x(p.value)} y1={y} y2={y} onClick={onPick ? () => onPick(p.id) : undefined}>
              <title>{`${formatMs(p.value)}${outlier ? " — outlier" : ""}`}</title>
            </line>
          );
        })}
      </svg>
    </figure>
  );
}
