// Under a list read by cursor: how many rows are shown, the button for the
// next page, and a clear message when the collector could not answer.
import type { CursorPages } from "../api/use-cursor-pages.ts";
import { LoadedView } from "./loaded-view.tsx";

export function PagedStatus<T>({ pages, noun }: { pages: CursorPages<T>; noun: string }) {
  if (pages.error) return <LoadedView loaded={{ state: "error", error: pages.error }}>{() => null}</LoadedView>;
  return (
    <p className="list-foot">
      <span className="muted small" role="status">{pages.loading ? "Loading…" : `${pages.items.length} ${noun} shown${pages.done ? "" : ", more stored"}`}</span>
      {!pages.done && !pages.loading && <button type="button" className="btn" onClick={pages.loadMore}>More {noun}</button>}
    </p>
  );
}
