import type { LLMCall } from "@llmscope/core";
import { useListNavigation } from "../list/use-list-navigation.ts";
import { callsOf } from "./calls-by-trace.ts";
import { TraceRow } from "./trace-row.tsx";

export const traceRowHeight = 28;
const rowDomId = (index: number) => `llmscope-trace-${index}`;

interface TraceListProps {
  ids: readonly string[];
  index: ReadonlyMap<string, readonly LLMCall[]>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The session's requests, newest first; only the rows in view exist in the DOM. */
export function TraceList({ ids, index, selectedId, onSelect }: TraceListProps) {
  const { scrollRef, active, setActive, virtualizer, onKeyDown } = useListNavigation(ids, traceRowHeight, onSelect);
  return (
    <div className="list-wrap">
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
      <div
        ref={scrollRef}
        className="list"
        role="listbox"
        aria-label="Requests"
        tabIndex={0}
        aria-activedescendant={ids.length > 0 ? rowDomId(active) : undefined}
        onKeyDown={onKeyDown}
      >
        {ids.length === 0 && <div className="empty">No requests match. A request appears here when the app runs recorder.trace(…) or startTrace(…).</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids[item.index]!;
            return (
              <TraceRow
                key={id}
                id={id}
                calls={callsOf(index, id)}
                domId={rowDomId(item.index)}
                active={item.index === active}
                selected={id === selectedId}
                onSelect={(picked) => {
                  setActive(item.index);
                  onSelect(picked);
                }}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: traceRowHeight, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
