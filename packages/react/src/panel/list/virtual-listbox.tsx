import type { CSSProperties, ReactNode } from "react";
import { useListNavigation } from "./use-list-navigation.ts";

export interface VirtualRow {
  id: string;
  domId: string;
  active: boolean;
  style: CSSProperties;
  onSelect: (id: string) => void;
}

interface VirtualListboxProps {
  ids: readonly string[];
  label: string;
  rowHeight: number;
  /** row element ids are this plus the row's index, for aria-activedescendant */
  domIdPrefix: string;
  header: ReactNode;
  empty: ReactNode;
  onSelect: (id: string) => void;
  /** the row for one id; it must carry key={row.id} */
  renderRow: (row: VirtualRow) => ReactNode;
}

/** Only the rows in view (plus a few) exist in the DOM, however many there are; one tab stop, arrows move. */
export function VirtualListbox({ ids, label, rowHeight, domIdPrefix, header, empty, onSelect, renderRow }: VirtualListboxProps) {
  const { scrollRef, active, setActive, virtualizer, onKeyDown } = useListNavigation(ids, rowHeight, onSelect);
  return (
    <div className="list-wrap">
      {header}
      <div
        ref={scrollRef}
        className="list"
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={ids.length > 0 ? domIdPrefix + active : undefined}
        onKeyDown={onKeyDown}
      >
        {ids.length === 0 && <div className="empty">{empty}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) =>
            renderRow({
              id: ids[item.index]!,
              domId: domIdPrefix + item.index,
              active: item.index === active,
              onSelect: (picked) => {
                setActive(item.index);
                onSelect(picked);
              },
              style: { position: "absolute", top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` },
            }),
          )}
        </div>
      </div>
    </div>
  );
}
