// One stacked bar of time by kind. Its length is the total against `scaleMs`
// (the longest bar beside it), so bars compare by length and by mix.
import { formatMs } from "@llmscope/react/views";
import { segmentsTotal, TIME_KINDS, type TimeSegment } from "./time-breakdown.ts";

export function TimeBar({ segments, scaleMs, label }: { segments: TimeSegment[]; scaleMs: number; label: string }) {
  const total = segmentsTotal(segments);
  const text = segments.length ? segments.map((s) => `${s.label} ${formatMs(s.ms)}`).join(", ") : "no time breakdown";
  return (
    <span className="time-bar" role="img" aria-label={`${label}: ${text}`} title={text}>
      {segments.map((s) => (
        <span key={s.key} className={`time-seg tk-${s.key}`} style={{ width: `${scaleMs > 0 ? (s.ms / scaleMs) * 100 : 0}%` }} />
      ))}
      {total === 0 && <span className="muted small">—</span>}
    </span>
  );
}

export function TimeLegend() {
  return (
    <ul className="time-legend" aria-label="Time by kind">
      {TIME_KINDS.map((k) => (
        <li key={k.key}><span className={`swatch tk-${k.key}`} aria-hidden="true" />{k.label}</li>
      ))}
    </ul>
  );
}
