import { memo, type CSSProperties } from "react";
import type { LLMCall } from "@llmscope/core";
import { useTraces } from "../../store/use-call-store.ts";
import { formatClock, formatCount, formatMs, formatUSD } from "../format.ts";
import { KindBar } from "./kind-bar.tsx";
import { traceFigures } from "./trace-figures.ts";
import { useNow } from "./use-now.ts";

interface TraceRowProps {
  id: string;
  calls: readonly LLMCall[];
  domId: string;
  style: CSSProperties;
  active: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** One request: subscribes to its own trace, so a running trace repaints its row alone. */
export const TraceRow = memo(function TraceRow({ id, calls, domId, style, active, selected, onSelect }: TraceRowProps) {
  const trace = useTraces((s) => s.traces.get(id));
  const now = useNow(trace !== undefined && trace.durationMs === undefined);
  if (!trace) return null;
  const f = traceFigures(trace, calls, now);
  return (
    <div
      id={domId}
      role="option"
      aria-selected={selected}
      className={`row trace-row${active ? " row-active" : ""}${selected ? " row-selected" : ""}${f.errors || trace.error ? " row-error" : ""}`}
      style={style}
      onClick={() => onSelect(id)}
    >
      <span className="num">{formatClock(trace.startedAt)}</span>
      <span className="t-name" title={trace.name}>
        {trace.name}
      </span>
      <span className="num t-r">
        {f.live ? (
          <span className="badge badge-live">
            <span className="live-dot" aria-hidden="true" />
            {formatMs(f.durationMs)}
          </span>
        ) : (
          formatMs(f.durationMs)
        )}
      </span>
      <span className="num t-r" title="LLM calls">{f.calls}</span>
      <span className="num t-r" title="tokens in → out">
        {formatCount(f.inputTokens)} → {formatCount(f.outputTokens)}
      </span>
      <span className="num t-r">{formatUSD(f.costUSD)}</span>
      <span className={`num t-r${f.errors ? " error-text" : " muted"}`} title="errors">
        {f.errors}
      </span>
      <KindBar times={f.times} />
    </div>
  );
});
