import { memo, type CSSProperties } from "react";
import { useCalls } from "../../store/use-call-store.ts";
import { formatClock, formatCount, formatMs, formatUSD, modelLabel } from "../format.ts";
import { FeedbackMark, StatusBadge } from "./status-badge.tsx";
import { QualityCell } from "./quality-cell.tsx";

interface CallRowProps {
  id: string;
  domId: string;
  style: CSSProperties;
  active: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** Subscribes to its own call only: a streaming update repaints this row and nothing else. */
export const CallRow = memo(function CallRow({ id, domId, style, active, selected, onSelect }: CallRowProps) {
  const call = useCalls((s) => s.calls.get(id));
  if (!call) return null;
  const usage = call.usage ?? { source: "estimated" };
  return (
    <div
      id={domId}
      role="option"
      aria-selected={selected}
      className={`row${active ? " row-active" : ""}${selected ? " row-selected" : ""}${call.error ? " row-error" : ""}`}
      style={style}
      onClick={() => onSelect(id)}
    >
      <span className="c-time num">{formatClock(call.startedAt)}</span>
      <span className="c-model" title={`${call.provider} · ${modelLabel(call)}`}>
        <span className="provider">{call.provider}</span> {modelLabel(call)}
      </span>
      <span className="c-status">
        <StatusBadge call={call} />
      </span>
      <span className="c-tokens num" title={usage.source === "estimated" ? "estimated tokens" : "provider-reported tokens"}>
        {formatCount(usage.inputTokens)} → {formatCount(usage.outputTokens)}
        {usage.source === "estimated" && <span className="est">~</span>}
      </span>
      <span className="c-cost num">{formatUSD(call.cost?.totalUSD)}</span>
      <span className="c-latency num">{formatMs(call.timing?.durationMs)}</span>
      <span className="c-quality num">
        <QualityCell call={call} />
      </span>
      <span className="c-fb">
        <FeedbackMark call={call} />
      </span>
    </div>
  );
});
