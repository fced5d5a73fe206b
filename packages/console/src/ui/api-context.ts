import { createContext, useContext } from "react";
import type { CollectorApi } from "../api/collector-api.ts";

export const ApiContext = createContext<{ api: CollectorApi; forgetKey: () => void } | undefined>(undefined);

export function useCollector(): { api: CollectorApi; forgetKey: () => void } {
  const value = useContext(ApiContext);
  if (!value) throw new Error("useCollector outside the console's ApiContext");
  return value;
}
