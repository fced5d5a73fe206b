import { kindTags, rowFigures } from "./row-label.ts";
import type { WaterfallRow } from "./waterfall-rows.ts";

/** The hovered (or keyboard-active) row's figures, under the waterfall. */
export function RowFigures({ row, onOpenCall }: { row: WaterfallRow; onOpenCall: (id: string) => void }) {
  return (
    <section className="wf-figures" aria-label="Step figures">
      <h4 className="wf-figures-title">
        <span className={`wf-kind k-${row.kind}`}>{kindTags[row.kind]}</span> {row.name}
        {row.call && (
          <button type="button" className="link" onClick={() => onOpenCall(row.call!.id)}>
            Open call detail
          </button>
        )}
      </h4>
      <dl className="pairs">
        {rowFigures(row).map(([k, v], i) => (
          <div key={`${k}-${i}`}>
            <dt>{k}</dt>
            <dd className={`mono${k === "error" ? " error-text" : ""}`}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
