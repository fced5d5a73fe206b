import type { ListQuery, SortKey } from "./call-query.ts";

const columns: { key: SortKey | null; label: string; className: string }[] = [
  { key: "time", label: "Time", className: "c-time" },
  { key: null, label: "Provider · model", className: "c-model" },
  { key: null, label: "Status", className: "c-status" },
  { key: "tokens", label: "Tokens in → out", className: "c-tokens" },
  { key: "cost", label: "Cost", className: "c-cost" },
  { key: "latency", label: "Latency", className: "c-latency" },
  { key: null, label: "Quality", className: "c-quality" },
  { key: null, label: "", className: "c-fb" },
];

/** Column titles; the sortable ones sort on click, a second click flips the order. */
export function SortHeader({ query, onQuery }: { query: ListQuery; onQuery: (patch: Partial<ListQuery>) => void }) {
  return (
    <div className="row row-head" role="group" aria-label="Sort calls">
      {columns.map(({ key, label, className }) => {
        if (!key) return <span key={className} className={className}>{label}</span>;
        const current = query.sort === key;
        return (
          <button
            key={className}
            type="button"
            className={`${className} sort${current ? " sort-on" : ""}`}
            aria-pressed={current}
            aria-label={`Sort by ${label.toLowerCase()}${current ? (query.descending ? ", descending" : ", ascending") : ""}`}
            onClick={() => onQuery(current ? { descending: !query.descending } : { sort: key, descending: true })}
          >
            {label}
            {current && <span aria-hidden="true">{query.descending ? " ▾" : " ▴"}</span>}
          </button>
        );
      })}
    </div>
  );
}
