import { formatMs } from "../format.ts";
import { barKinds, kindLabels, type KindTimes } from "./kind-times.ts";

/** The trace's time split by kind, as one stacked bar; read out as a sentence. */
export function KindBar({ times, className = "kind-bar" }: { times: KindTimes; className?: string }) {
  const total = barKinds.reduce((sum, k) => sum + times[k], 0);
  const parts = barKinds.filter((k) => times[k] > 0);
  const label = total > 0 ? `Time by kind: ${parts.map((k) => `${kindLabels[k]} ${formatMs(times[k])}`).join(", ")}` : "No time recorded yet";
  return (
    <span className={className} role="img" aria-label={label} title={label}>
      {parts.map((k) => (
        <span key={k} className={`kb k-${k}`} style={{ width: `${(times[k] / total) * 100}%` }} />
      ))}
    </span>
  );
}

export function KindLegend({ times }: { times: KindTimes }) {
  const total = barKinds.reduce((sum, k) => sum + times[k], 0);
  return (
    <ul className="kind-legend">
      {barKinds.map((k) => (
        <li key={k}>
          <span className={`swatch k-${k}`} aria-hidden="true" />
          {kindLabels[k]} <span className="num">{formatMs(times[k])}</span>
          <span className="muted num"> {total > 0 ? `${Math.round((times[k] / total) * 100)}%` : ""}</span>
        </li>
      ))}
    </ul>
  );
}
