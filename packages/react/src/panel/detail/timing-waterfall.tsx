import type { Timing } from "@llmscope/core";
import { formatMs } from "../format.ts";

interface Phase {
  label: string;
  from: number;
  to: number;
  className: string;
}

/** request → headers → first token → end, as bars on one time axis. */
export function timingPhases(timing: Timing): Phase[] {
  const end = timing.durationMs;
  if (end === undefined) return [];
  const headers = Math.min(timing.ttfbMs ?? end, end);
  const first = Math.min(Math.max(timing.ttftMs ?? headers, headers), end);
  return [
    { label: "waiting for headers", from: 0, to: headers, className: "ph-wait" },
    { label: "headers to first token", from: headers, to: first, className: "ph-think" },
    { label: "first token to end", from: first, to: end, className: "ph-stream" },
  ];
}

export function TimingWaterfall({ timing }: { timing: Timing }) {
  const phases = timingPhases(timing);
  const total = timing.durationMs;
  if (!total || phases.length === 0) return <p className="muted">Timing appears when the call ends.</p>;
  const width = 400;
  const x = (ms: number) => (ms / total) * width;
  return (
    <div className="waterfall">
      <svg viewBox={`0 0 ${width} ${phases.length * 14}`} preserveAspectRatio="none" role="img" aria-label={`Timing: ${phases.map((p) => `${p.label} ${formatMs(p.to - p.from)}`).join(", ")}`}>
        {phases.map((p, i) => (
          <rect key={p.label} className={p.className} x={x(p.from)} y={i * 14 + 2} width={Math.max(1, x(p.to) - x(p.from))} height={10} rx={2} />
        ))}
      </svg>
      <dl className="legend">
        <Mark label="Headers (TTFB)" value={timing.ttfbMs} className="ph-wait" />
        <Mark label="First token (TTFT)" value={timing.ttftMs} className="ph-think" />
        <Mark label="End" value={total} className="ph-stream" />
      </dl>
    </div>
  );
}

function Mark({ label, value, className }: { label: string; value: number | undefined; className: string }) {
  return (
    <div>
      <dt>
        <span className={`swatch ${className}`} aria-hidden="true" />
        {label}
      </dt>
      <dd className="num">{formatMs(value)}</dd>
    </div>
  );
}
