import type { KeyboardEvent, RefObject } from "react";
import { tabDomId, tabPanelDomId, tabs, type TabId } from "./tabs.ts";

/** WAI-ARIA tabs: one tab stop, arrows move between tabs, Home/End jump. */
export function TabBar({ tab, onTab, activeRef }: { tab: TabId; onTab: (id: TabId) => void; activeRef: RefObject<HTMLButtonElement | null> }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    onTab(target.id);
    const button = event.currentTarget.querySelector<HTMLButtonElement>(`#${tabDomId(target.id)}`);
    button?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="LLM devtools views" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={t.id === tab ? activeRef : undefined}
          id={tabDomId(t.id)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={t.id === tab}
          aria-controls={tabPanelDomId(t.id)}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
