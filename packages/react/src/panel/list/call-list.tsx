import { CallRow } from "./call-row.tsx";
import { SortHeader } from "./sort-header.tsx";
import { VirtualListbox } from "./virtual-listbox.tsx";
import type { ListQuery } from "./call-query.ts";

export const rowHeight = 26;

interface CallListProps {
  ids: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  query: ListQuery;
  onQuery: (patch: Partial<ListQuery>) => void;
}

/** The calls, virtualized: only the rows in view exist in the DOM, however many calls there are. */
export function CallList({ ids, selectedId, onSelect, query, onQuery }: CallListProps) {
  return (
    <VirtualListbox
      ids={ids}
      label="LLM calls"
      rowHeight={rowHeight}
      domIdPrefix="llmscope-row-"
      header={<SortHeader query={query} onQuery={onQuery} />}
      empty="No calls match. Calls appear here as the app makes them."
      onSelect={onSelect}
      renderRow={(row) => <CallRow key={row.id} {...row} selected={row.id === selectedId} />}
    />
  );
}
