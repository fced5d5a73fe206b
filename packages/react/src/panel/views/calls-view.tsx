import { lazy, Suspense, useCallback, useState } from "react";
import { useCalls, useDevtools } from "../../store/use-call-store.ts";
import { selectCall } from "../../store/call-store.ts";
import { CallList } from "../list/call-list.tsx";
import { CallFilters } from "../list/call-filters.tsx";
import { emptyQuery, type ListQuery } from "../list/call-query.ts";
import { useVisibleIds } from "../list/use-visible-ids.ts";
import { CallDetail } from "../detail/call-detail.tsx";

// stored history needs an IndexedDB sink and is read after the list is up: its code comes a moment later, apart from the panel
const HistoryLoader = lazy(() => import("./history-loader.tsx").then((m) => ({ default: m.HistoryLoader })));

/** The call list with its filters, and the selected call's detail beside it. */
export function CallsView({ onOpenTrace }: { onOpenTrace?: (traceId: string) => void }) {
  const { store } = useDevtools();
  const [query, setQuery] = useState<ListQuery>(emptyQuery);
  const onQuery = useCallback((patch: Partial<ListQuery>) => setQuery((q) => ({ ...q, ...patch })), []);
  const ids = useVisibleIds(store, query);
  const selectedId = useCalls((s) => s.selectedId);
  const onSelect = useCallback((id: string) => selectCall(store, id), [store]);
  return (
    <div className={`calls-view${selectedId ? " with-detail" : ""}`}>
      <div className="calls-main">
        <CallFilters query={query} onQuery={onQuery} shown={ids.length} />
        <CallList ids={ids} selectedId={selectedId} onSelect={onSelect} query={query} onQuery={onQuery} />
        <Suspense>
          <HistoryLoader />
        </Suspense>
      </div>
      {selectedId && <CallDetail key={selectedId} id={selectedId} onClose={() => selectCall(store, null)} onOpenTrace={onOpenTrace} />}
    </div>
  );
}
