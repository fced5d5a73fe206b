import { useMemo } from "react";
import { useCalls } from "../../store/use-call-store.ts";
import { facetValues, type ListQuery } from "./call-query.ts";

interface CallFiltersProps {
  query: ListQuery;
  onQuery: (patch: Partial<ListQuery>) => void;
  shown: number;
}

export function CallFilters({ query, onQuery, shown }: CallFiltersProps) {
  const calls = useCalls((s) => s.calls);
  const total = useCalls((s) => s.ids.length);
  // menus change only when a new model/provider/session/tag appears, not per token
  const facets = useMemo(() => facetValues(calls), [calls]);
  return (
    <div className="filters" role="search">
      <input
        type="search"
        className="search"
        placeholder="Search prompts and completions"
        aria-label="Search prompts and completions"
        value={query.text}
        onChange={(e) => onQuery({ text: e.target.value })}
      />
      <Select label="Model" value={query.model} options={facets.models} onChange={(model) => onQuery({ model })} />
      <Select label="Provider" value={query.provider} options={facets.providers} onChange={(provider) => onQuery({ provider })} />
      <Select label="Session" value={query.session} options={facets.sessions} onChange={(session) => onQuery({ session })} />
      <Select label="Tag" value={query.tag} options={facets.tags} onChange={(tag) => onQuery({ tag })} />
      <label className="check">
        <input type="checkbox" checked={query.errorsOnly} onChange={(e) => onQuery({ errorsOnly: e.target.checked })} />
        Errors only
      </label>
      <span className="shown num" aria-live="polite">
        {shown === total ? `${total} calls` : `${shown} of ${total}`}
      </span>
    </div>
  );
}

function Select(props: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <select aria-label={`Filter by ${props.label.toLowerCase()}`} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">All {props.label.toLowerCase()}s</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o.length > 40 ? `${o.slice(0, 39)}…` : o}
        </option>
      ))}
    </select>
  );
}
