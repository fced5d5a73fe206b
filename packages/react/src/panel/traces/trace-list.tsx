import type { LLMCall } from "@llmscope/core";
import { VirtualListbox } from "../list/virtual-listbox.tsx";
import { callsOf } from "./calls-by-trace.ts";
import { TraceRow } from "./trace-row.tsx";

export const traceRowHeight = 28;

interface TraceListProps {
  ids: readonly string[];
  index: ReadonlyMap<string, readonly LLMCall[]>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const header = (
  <div className="row row-head trace-row" aria-hidden="true">
    <span>Started</span>
    <span>Request</span>
    <span className="t-r">Time</span>
    <span className="t-r">Calls</span>
    <span className="t-r">Tokens</span>
    <span className="t-r">Cost</span>
    <span className="t-r">Errors</span>
    <span>Time by kind</span>
  </div>
);

/** The session's requests, newest first; only the rows in view exist in the DOM. */
export function TraceList({ ids, index, selectedId, onSelect }: TraceListProps) {
  return (
    <VirtualListbox
      ids={ids}
      label="Requests"
      rowHeight={traceRowHeight}
      domIdPrefix="llmscope-trace-"
      header={header}
      empty="No requests match. A request appears here when the app runs recorder.trace(…) or startTrace(…)."
      onSelect={onSelect}
      renderRow={(row) => <TraceRow key={row.id} {...row} calls={callsOf(index, row.id)} selected={row.id === selectedId} />}
    />
  );
}
