import { useEffect, useState } from "react";

export type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: Error };

/** runs `load` whenever `key` changes; a stale answer never overwrites a newer one */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (data) => current && setResult({ state: "ok", data }),
      (error: Error) => current && setResult({ state: "error", error }),
    );
    return () => {
      current = false;
    };
    // `key` names everything `load` depends on
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}
