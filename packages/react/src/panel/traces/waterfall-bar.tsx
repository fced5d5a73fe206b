import { timingPhases } from "../detail/timing-waterfall.tsx";
import type { WaterfallRow } from "./waterfall-rows.ts";

/** A row's bar on the trace's time axis; an LLM call's bar shows its wait, its time to first token and its streaming. */
export function WaterfallBar({ row, totalMs }: { row: WaterfallRow; totalMs: number }) {
  const pct = (ms: number) => `${(Math.max(0, ms) / totalMs) * 100}%`;
  const running = row.durationMs === undefined;
  const duration = row.durationMs ?? Math.max(0, totalMs - row.offsetMs);
  const phases = row.call && !running ? timingPhases(row.call.timing ?? {}) : [];
  return (
    <span
      className={`wf-bar k-${row.kind}${running ? " wf-running" : ""}${row.error ? " wf-error" : ""}`}
      style={{ left: pct(row.offsetMs), width: `max(2px, ${pct(duration)})` }}
    >
      {phases.map((p) => (
        <span key={p.label} className={`wf-phase wf-${p.className}`} style={{ left: `${(p.from / duration) * 100}%`, width: `${((p.to - p.from) / duration) * 100}%` }} />
      ))}
    </span>
  );
}

/** Round ticks for the axis: 3–6 of them, at 1, 2 or 5 × a power of ten ms. */
export function axisTicks(totalMs: number): number[] {
  if (!(totalMs > 0)) return [0];
  const raw = totalMs / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => totalMs / s <= 6)!;
  const ticks: number[] = [];
  for (let t = 0; t <= totalMs; t += step) ticks.push(t);
  return ticks;
}
