import type { ReactNode } from "react";
import { ApiError } from "../api/api-error.ts";
import type { Loaded } from "../api/use-api.ts";
import { useCollector } from "./api-context.ts";

/** the page once loaded; a clear message (and a way out) while not */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { forgetKey } = useCollector();
  if (loaded.state === "loading") return <p className="muted" role="status">Loading…</p>;
  if (loaded.state === "error") {
    const unauthorized = loaded.error instanceof ApiError && loaded.error.unauthorized;
    return (
      <div className="error-box" role="alert">
        <p>{loaded.error.message}</p>
        {unauthorized && <button type="button" className="btn" onClick={forgetKey}>Enter another read key</button>}
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
