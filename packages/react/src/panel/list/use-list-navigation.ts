import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";

/**
 * A virtualized listbox's rows and keys: one tab stop, the active row followed
 * with aria-activedescendant, arrows, Page Up/Down, Home/End, Enter to open.
 */
export function useListNavigation(ids: readonly string[], rowHeight: number, onSelect: (id: string) => void) {
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

  return { scrollRef, active, setActive, virtualizer, onKeyDown };
}
