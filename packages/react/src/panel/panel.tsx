import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { useDevtools } from "../store/use-call-store.ts";
import { selectCall } from "../store/call-store.ts";
import { selectTrace } from "../store/trace-store.ts";
import type { PrefsStore } from "../host/prefs.ts";
import { panelCss } from "./panel-css.ts";
import { PanelActions } from "./panel-actions.tsx";
import { ResizeHandle } from "./resize-handle.tsx";
import { TabBar } from "./tab-bar.tsx";
import { tabDomId, tabPanelDomId, type TabId } from "./tabs.ts";
import { CallsView } from "./views/calls-view.tsx";

// The call list is what most people open the panel for; the analysis views
// load on first use of their tab, so opening the panel stays cheap.
const TalliesView = lazy(() => import("./views/tallies-view.tsx").then((m) => ({ default: m.TalliesView })));
const JitterView = lazy(() => import("./views/jitter-view.tsx").then((m) => ({ default: m.JitterView })));
const TokensView = lazy(() => import("./views/tokens-view.tsx").then((m) => ({ default: m.TokensView })));
const VarianceView = lazy(() => import("./views/variance-view.tsx").then((m) => ({ default: m.VarianceView })));
const TraceTab = lazy(() => import("./traces/trace-tabs.tsx"));
const QualityView = lazy(() => import("./views/quality-view.tsx").then((m) => ({ default: m.QualityView })));

export interface PanelProps {
  prefs: PrefsStore;
  onClose: () => void;
}

/** The lazily loaded panel: header with tabs and actions, the active view, a resizable edge. */
export default function Panel({ prefs, onClose }: PanelProps) {
  const { store, traces } = useDevtools();
  const dock = useStore(prefs, (p) => p.dock);
  const size = useStore(prefs, (p) => (p.dock === "bottom" ? p.bottomSize : p.rightSize));
  const [tab, setTab] = useState<TabId>("calls");
  const activeTab = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // keyboard users land inside the panel they just opened
    activeTab.current?.focus();
  }, []);

  const onResize = useCallback(
    (next: number) => prefs.setState(dock === "bottom" ? { bottomSize: next } : { rightSize: next }),
    [prefs, dock],
  );
  const openCall = useCallback(
    (id: string) => {
      selectCall(store, id);
      setTab("calls");
    },
    [store],
  );
  const openTrace = useCallback(
    (id: string) => {
      selectTrace(traces, id);
      setTab("traces");
    },
    [traces],
  );

  return (
    <aside className={`panel dock-${dock}`} style={dock === "bottom" ? { height: size } : { width: size }} aria-label="LLM devtools">
      <style>{panelCss}</style>
      <ResizeHandle dock={dock} size={size} onResize={onResize} />
      <header className="panel-head">
        <span className="brand" aria-hidden="true">
          <span className="toggle-mark">◈</span> llmscope
        </span>
        <TabBar tab={tab} onTab={setTab} activeRef={activeTab} />
        <span className="spacer" />
        <PanelActions prefs={prefs} onClose={onClose} />
      </header>
      <div className="panel-body" role="tabpanel" id={tabPanelDomId(tab)} aria-labelledby={tabDomId(tab)}>
        <Suspense fallback={<p className="view muted" role="status">Loading…</p>}>
          {tab === "calls" && <CallsView onOpenTrace={openTrace} />}
          {(tab === "traces" || tab === "conversation") && <TraceTab tab={tab} onOpenCall={openCall} onOpenTrace={openTrace} />}
          {tab === "session" && <TalliesView />}
          {tab === "latency" && <JitterView onOpenCall={openCall} />}
          {tab === "tokens" && <TokensView onOpenCall={openCall} />}
          {tab === "variance" && <VarianceView onOpenCall={openCall} />}
          {tab === "quality" && <QualityView onOpenCall={openCall} />}
        </Suspense>
      </div>
    </aside>
  );
}
