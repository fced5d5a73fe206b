// The console's shell: the read key gate, the navigation and one page per route.
import { useEffect, useMemo, useState } from "react";
import { panelCss, viewCss } from "@llmscope/react/views";
import { createCollectorApi } from "./api/collector-api.ts";
import { collectorNeedsKey } from "./api/key-required.ts";
import { forgetReadKey, saveReadKey, savedReadKey } from "./api/read-key.ts";
import { KeyPage } from "./pages/key-page.tsx";
import { PageSwitch } from "./pages/page-switch.tsx";
import { ApiContext } from "./ui/api-context.ts";
import { consoleCss } from "./ui/console-css.ts";
import { traceCss } from "./ui/trace-css.ts";
import { NavBar } from "./ui/nav-bar.tsx";
import { initialTheme, saveTheme, type Theme } from "./ui/theme.ts";
import { useRoute } from "./routing/use-route.ts";

export function App() {
  const [key, setKey] = useState(savedReadKey);
  // no key saved: ask only when the collector wants one
  const [probing, setProbing] = useState(key === undefined);
  useEffect(() => {
    if (!probing) return;
    void collectorNeedsKey().then((needs) => {
      if (!needs) setKey("");
      setProbing(false);
    });
  }, [probing]);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const route = useRoute();
  const context = useMemo(
    () => (key === undefined ? undefined : { api: createCollectorApi(key), forgetKey: () => (forgetReadKey(), setKey(undefined)) }),
    [key],
  );
  const toggleTheme = () => {
    const next = theme === "dark" ? "light" : "dark";
    saveTheme(next);
    setTheme(next);
  };
  return (
    <div className="llmscope-theme llmscope-root console" data-theme={theme}>
      <style>{panelCss + viewCss + consoleCss + traceCss}</style>
      {probing ? (
        <p className="muted" role="status">Connecting to the collector…</p>
      ) : context ? (
        <ApiContext.Provider value={context}>
          <NavBar route={route} theme={theme} onToggleTheme={toggleTheme} />
          <main className="console-main">
            <PageSwitch route={route} />
          </main>
        </ApiContext.Provider>
      ) : (
        <KeyPage onKey={(k) => (saveReadKey(k), setKey(k))} />
      )}
    </div>
  );
}
