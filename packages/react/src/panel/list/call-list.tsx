import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  useEffect(() => {
    if (active >= ids.length) setActive(Math.max(0, ids.length - 1));
  }, [ids.length, active]);

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(ids.length - 1, index));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: "auto" });
    },
    [ids.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 260) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(ids.length - 1),
      Enter: () => {
        const id = ids[active];
        if (id) onSelect(id);
      },
    };
    const action = keys[event.key];
    if (!action || ids.length === 0) return;
    event.preventDefault();
    action();
  };

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
