// Sessions: conversations, newest first, with what each cost in all and how
// it began; each opens as its turns.
import { formatCount, formatMs, formatUSD } from "@llmscope/react/views";
import type { Query } from "../../api/collector-api.ts";
import { useCursorPages } from "../../api/use-cursor-pages.ts";
import { hrefOf } from "../../routing/route.ts";
import { useCollector } from "../../ui/api-context.ts";
import { formatInstant } from "../../ui/format-instant.ts";
import { PagedStatus } from "../../ui/paged-status.tsx";
import { SearchForm, type SearchField } from "../../ui/search-form.tsx";
import { presentFields, timeRangeOf } from "../call-filters.ts";

const FIELDS: SearchField[] = [
  { name: "userId", label: "User id" },
  { name: "feature", label: "Feature" },
  { name: "q", label: "Text in the conversation" },
  { name: "from", label: "Began from", type: "datetime-local" },
  { name: "to", label: "Began before", type: "datetime-local" },
];
const PASSED_ON = ["userId", "feature", "q"];
const PAGE = 50;

export function SessionsPage({ query }: { query: URLSearchParams }) {
  const { api } = useCollector();
  const sessionQuery: Query = { ...presentFields(query, PASSED_ON), ...timeRangeOf(query) };
  const pages = useCursorPages((cursor) => api.sessions({ ...sessionQuery, limit: PAGE, cursor }).then((p) => ({ items: p.sessions, cursor: p.cursor })), JSON.stringify(sessionQuery));
  return (
    <section className="view" aria-label="Sessions">
      <SearchForm page="sessions" query={query} fields={FIELDS} label="Search sessions" />
      <table className="console-table" aria-label="Sessions">
        <thead><tr><th>first message</th><th>started</th><th>user</th><th>feature</th><th className="num">turns</th><th className="num">calls</th><th className="num">duration</th><th className="num">tokens</th><th className="num">cost</th><th className="num">errors</th></tr></thead>
        <tbody>
          {pages.items.map((s) => (
            <tr key={s.id}>
              <td className="session-first"><a href={hrefOf({ page: "session", id: s.id })}>{s.firstMessage?.trim() || s.id}</a></td>
              <td className="num">{formatInstant(s.startedAt)}</td>
              <td className="mono">{s.userId ?? "—"}</td>
              <td>{s.feature ?? "—"}</td>
              <td className="num">{s.traces}</td>
              <td className="num">{s.calls}</td>
              <td className="num">{formatMs(s.durationMs)}</td>
              <td className="num">{formatCount(s.inputTokens + s.outputTokens)}</td>
              <td className="num">{formatUSD(s.costUSD)}</td>
              <td className="num">{s.errors ? <span className="badge badge-error">{s.errors}</span> : "0"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!pages.loading && !pages.error && pages.items.length === 0 && <p className="empty muted">No sessions match.</p>}
      <PagedStatus pages={pages} noun="sessions" />
    </section>
  );
}
