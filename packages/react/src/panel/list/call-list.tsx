import { useListNavigation } from "./use-list-navigation.ts";
import { CallRow } from "./call-row.tsx";
import { SortHeader } from "./sort-header.tsx";
import type { ListQuery } from "./call-query.ts";

export const rowHeight = 26;

interface CallListProps {
  ids: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  query: ListQuery;
  onQuery: (patch: Partial<ListQuery>) => void;
}

const rowDomId = (index: number) => `llmscope-row-${index}`;

/** Only the rows in view (plus a few) exist in the DOM, however many calls there are. */
export function CallList({ ids, selectedId, onSelect, query, onQuery }: CallListProps) {
  const { scrollRef, active, setActive, virtualizer, onKeyDown } = useListNavigation(ids, rowHeight, onSelect);

  return (
    <div className="list-wrap">
      <SortHeader query={query} onQuery={onQuery} />
      <div
        ref={scrollRef}
        className="list"
        role="listbox"
        aria-label="LLM calls"
        tabIndex={0}
        aria-activedescendant={ids.length > 0 ? rowDomId(active) : undefined}
        onKeyDown={onKeyDown}
      >
        {ids.length === 0 && <div className="empty">No calls match. Calls appear here as the app makes them.</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids[item.index]!;
            return (
              <CallRow
                key={id}
                id={id}
                domId={rowDomId(item.index)}
                active={item.index === active}
                selected={id === selectedId}
                onSelect={(picked) => {
                  setActive(item.index);
                  onSelect(picked);
                }}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
