// Traces: whole requests, newest first, each with its time by kind as one
// stacked bar; filtered by who, what, when, how slow, how costly and failure.
import { useCursorPages } from "../../api/use-cursor-pages.ts";
import { useCollector } from "../../ui/api-context.ts";
import { PagedStatus } from "../../ui/paged-status.tsx";
import { SearchForm } from "../../ui/search-form.tsx";
import { TimeLegend } from "../../ui/time-bar.tsx";
import { TraceTable } from "./trace-table.tsx";
import { TRACE_FIELDS, traceQueryOf } from "./trace-filters.ts";

const PAGE = 50;

export function TracesPage({ query }: { query: URLSearchParams }) {
  const { api } = useCollector();
  const traceQuery = traceQueryOf(query);
  const pages = useCursorPages((cursor) => api.traces({ ...traceQuery, limit: PAGE, cursor }).then((p) => ({ items: p.traces, cursor: p.cursor })), JSON.stringify(traceQuery));
  return (
    // says which search the rows shown answer, once they do: a link's reader (and a test) can wait for it
    <section className="view" aria-label="Traces" data-shown-for={pages.loading ? undefined : query.toString()}>
      <SearchForm page="traces" query={query} fields={TRACE_FIELDS} label="Search traces" />
      <TimeLegend />
      <TraceTable traces={pages.items} />
      {!pages.loading && !pages.error && pages.items.length === 0 && <p className="empty muted">No traces match.</p>}
      <PagedStatus pages={pages} noun="traces" />
    </section>
  );
}
