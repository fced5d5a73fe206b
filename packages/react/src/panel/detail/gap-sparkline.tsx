import type { Timing } from "@llmscope/core";
import { formatMs } from "../format.ts";

/** Inter-chunk gaps in arrival order: a flat line is a steady stream, spikes are stalls. */
export function GapSparkline({ timing }: { timing: Timing }) {
  const gaps = timing.gapsMs ?? [];
  const summary = timing.chunkGapsMs;
  if (gaps.length < 2 && !summary) return null;
  const width = 240;
  const height = 32;
  const max = Math.max(1, ...gaps);
  const step = gaps.length > 1 ? width / (gaps.length - 1) : width;
  const points = gaps.map((g, i) => `${(i * step).toFixed(1)},${(height - 2 - (g / max) * (height - 4)).toFixed(1)}`).join(" ");
  return (
    <div className="sparkline">
      {gaps.length > 1 && (
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Chunk gaps: ${gaps.length} gaps, max ${formatMs(max)}`}>
          <polyline points={points} className="spark" fill="none" />
        </svg>
      )}
      <span className="num muted">
        {timing.chunkCount ?? gaps.length + 1} chunks
        {summary && ` · gap p50 ${formatMs(summary.p50)} · p95 ${formatMs(summary.p95)} · max ${formatMs(summary.max)}`}
      </span>
    </div>
  );
}
