import { NAV_PAGES, navPageOf, pageHref, type Route } from "../routing/route.ts";
import { useCollector } from "./api-context.ts";
import type { Theme } from "./theme.ts";

const LABELS: Record<(typeof NAV_PAGES)[number], string> = { calls: "Calls", traces: "Traces", sessions: "Sessions", cost: "Cost", tokens: "Tokens", latency: "Latency", alerts: "Alerts" };

export function NavBar({ route, theme, onToggleTheme }: { route: Route; theme: Theme; onToggleTheme: () => void }) {
  const { forgetKey } = useCollector();
  const current = navPageOf(route);
  return (
    <header className="panel-head console-head">
      <strong className="brand">llmscope</strong>
      <nav className="tabs" aria-label="Pages">
        {NAV_PAGES.map((page) => (
          <a key={page} className="tab" href={pageHref(page)} aria-current={page === current ? "page" : undefined} aria-selected={page === current}>
            {LABELS[page]}
          </a>
        ))}
      </nav>
      <span className="spacer" />
      <button type="button" className="btn" onClick={onToggleTheme} aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}>
        {theme === "dark" ? "Light" : "Dark"}
      </button>
      <button type="button" className="btn" onClick={forgetKey}>Forget key</button>
    </header>
  );
}
