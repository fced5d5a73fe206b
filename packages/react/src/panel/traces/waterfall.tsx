import { useState, type KeyboardEvent } from "react";
import { formatMs } from "../format.ts";
import { kindTags, rowSentence } from "./row-label.ts";
import { RowFigures } from "./row-figures.tsx";
import { axisTicks, WaterfallBar } from "./waterfall-bar.tsx";
import type { WaterfallRow } from "./waterfall-rows.ts";
import { toolArguments } from "./tool-io.ts";

interface WaterfallProps {
  label: string;
  rows: WaterfallRow[];
  totalMs: number;
  onOpenCall: (callId: string) => void;
}

const rowDomId = (i: number) => `llmscope-step-${i}`;

/**
 * Every step and call of one request on one time axis. Hovering or moving with
 * the arrow keys shows a row's figures; Enter or a click on a call opens it.
 */
export function Waterfall({ label, rows, totalMs, onOpenCall }: WaterfallProps) {
  const [active, setActive] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = rows[hovered ?? active] ?? rows[0];
  const total = Math.max(totalMs, ...rows.map((r) => r.offsetMs + (r.durationMs ?? 0)), 1);
  const open = (row: WaterfallRow | undefined) => row?.call && onOpenCall(row.call.id);
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1 };
    if (event.key === "Enter") open(rows[active]);
    else if (moves[event.key] !== undefined) setActive(Math.max(0, Math.min(rows.length - 1, moves[event.key]!)));
    else return;
    event.preventDefault();
  };
  if (rows.length === 0) return <p className="muted">No steps or calls yet.</p>;
  return (
    <div className="wf">
      <div className="wf-row wf-axis" aria-hidden="true">
        <span className="muted">step</span>
        <span className="wf-track">
          {axisTicks(total).map((t) => (
            <span key={t} className="wf-tick num" style={{ left: `${(t / total) * 100}%` }}>
              {formatMs(t)}
            </span>
          ))}
        </span>
      </div>
      <div role="listbox" aria-label={label} tabIndex={0} className="wf-rows" aria-activedescendant={rowDomId(active)} onKeyDown={onKeyDown} onMouseLeave={() => setHovered(null)}>
        {rows.map((row, i) => (
          <div
            key={row.id}
            id={rowDomId(i)}
            role="option"
            aria-selected={i === active}
            aria-label={rowSentence(row)}
            className={`wf-row${i === active ? " row-active" : ""}${row.call ? " wf-call" : ""}`}
            onMouseEnter={() => setHovered(i)}
            onClick={() => {
              setActive(i);
              open(row);
            }}
          >
            <span className="wf-label" style={{ paddingLeft: 4 + row.depth * 12 }}>
              <span className={`wf-kind k-${row.kind}`}>{kindTags[row.kind]}</span>
              <span className="wf-name">
                {row.name}
                {row.step?.kind === "tool" && <span className="muted mono"> {toolArguments(row.step) ?? ""}</span>}
              </span>
              {row.repeat && <span className="badge badge-warn" title="The same tool call with the same arguments again: is the agent going round in a loop?">↻ ×{row.repeat}</span>}
              {row.error && <span className="badge badge-error">error</span>}
              <span className="num muted wf-dur">{row.durationMs === undefined ? "…" : formatMs(row.durationMs)}</span>
            </span>
            <span className="wf-track">
              <WaterfallBar row={row} totalMs={total} />
            </span>
          </div>
        ))}
      </div>
      <p className="phase-legend" aria-hidden="true">
        LLM call: <span className="wf-key wf-ph-wait k-llm" /> waiting for headers <span className="wf-key wf-ph-think k-llm" /> headers to first token <span className="wf-key wf-ph-stream k-llm" /> streaming
      </p>
      {shown && <RowFigures row={shown} onOpenCall={onOpenCall} />}
    </div>
  );
}
