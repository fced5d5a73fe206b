// Calls: search by who, when, what and text; a virtualized list paged by
// cursor; an optional live tail of new calls.
import { useState, type FormEvent } from "react";
import { pageHref } from "../routing/route.ts";
import { CallList } from "./call-list.tsx";
import { collectorQueryOf, TEXT_FILTERS, TIME_FILTERS } from "./call-filters.ts";

export function CallsPage({ query }: { query: URLSearchParams }) {
  const [live, setLive] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fields: Record<string, string> = {};
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v.trim()) fields[k] = v.trim();
    location.hash = pageHref("calls", fields);
  };
  const collectorQuery = collectorQueryOf(query);
  return (
    <section className="calls-page" aria-label="Calls">
      <form className="search-form" onSubmit={submit} key={query.toString()} aria-label="Search calls">
        {TEXT_FILTERS.map(([name, label]) => (
          <label key={name}>
            {label} <input name={name} defaultValue={query.get(name) ?? ""} />
          </label>
        ))}
        {TIME_FILTERS.map(([name, label]) => (
          <label key={name}>
            {label} <input name={name} type="datetime-local" step="60" defaultValue={query.get(name) ?? ""} />
          </label>
        ))}
        <button type="submit" className="btn">Search</button>
        <label className="check">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live tail
        </label>
      </form>
      <CallList query={collectorQuery} live={live} />
    </section>
  );
}
