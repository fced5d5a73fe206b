import { useEffect, useState } from "react";
import { useCalls, useDevtools } from "../../store/use-call-store.ts";
import { findQueryableSink, loadHistoryPage } from "../../store/stored-history.ts";

type State = { status: "idle" | "loading" | "done" } | { status: "more"; cursor: string } | { status: "error"; message: string };

/** Stored calls from earlier page loads, when the IndexedDB sink is there: first page on open, more on request. */
export function HistoryLoader() {
  const { store, recorder, maxCalls } = useDevtools();
  const evicted = useCalls((s) => s.evicted);
  const [sink] = useState(() => findQueryableSink(recorder));
  const [state, setState] = useState<State>({ status: "idle" });

  const load = async (cursor?: string) => {
    if (!sink) return;
    setState({ status: "loading" });
    try {
      const page = await loadHistoryPage(store, sink, maxCalls, cursor);
      setState(page.cursor ? { status: "more", cursor: page.cursor } : { status: "done" });
    } catch (err) {
      setState({ status: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };

  useEffect(() => {
    void load();
    // once per open: later pages come from the button
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sink]);

  if (!sink && evicted === 0) return null;
  return (
    <div className="history">
      {evicted > 0 && <span className="muted">{evicted.toLocaleString("en-US")} older calls left memory (cap {maxCalls.toLocaleString("en-US")}).</span>}
      {state.status === "loading" && <span className="muted" role="status">Loading stored calls…</span>}
      {state.status === "more" && (
        <button type="button" className="link" onClick={() => void load(state.cursor)}>
          Load older stored calls
        </button>
      )}
      {state.status === "error" && <span role="alert" className="error-text">Stored calls could not be read: {state.message}</span>}
    </div>
  );
}
