// Calls: search by who, when, what and text; a virtualized list paged by
// cursor; an optional live tail of new calls.
import { useState } from "react";
import { SearchForm, type SearchField } from "../ui/search-form.tsx";
import { CallList } from "./call-list.tsx";
import { collectorQueryOf, TEXT_FILTERS, TIME_FILTERS } from "./call-filters.ts";

const FIELDS: SearchField[] = [...TEXT_FILTERS.map(([name, label]) => ({ name, label })), ...TIME_FILTERS.map(([name, label]) => ({ name, label, type: "datetime-local" as const }))];

export function CallsPage({ query }: { query: URLSearchParams }) {
  const [live, setLive] = useState(false);
  return (
    <section className="calls-page" aria-label="Calls">
      <SearchForm page="calls" query={query} fields={FIELDS} label="Search calls">
        <label className="check">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live tail
        </label>
      </SearchForm>
      <CallList query={collectorQueryOf(query)} live={live} />
    </section>
  );
}
