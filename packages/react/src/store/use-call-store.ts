import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { Recorder } from "@llmscope/core";
import type { CallState, CallStore } from "./call-store.ts";
import type { TraceState, TraceStore } from "./trace-store.ts";

export interface DevtoolsContextValue {
  store: CallStore;
  traces: TraceStore;
  recorder: Recorder;
  maxCalls: number;
}

export const DevtoolsContext = createContext<DevtoolsContextValue | null>(null);

export function useDevtools(): DevtoolsContextValue {
  const value = useContext(DevtoolsContext);
  if (!value) throw new Error("llmscope devtools: a view was rendered outside <LLMDevtools />");
  return value;
}

export function useCalls<T>(selector: (state: CallState) => T): T {
  return useStore(useDevtools().store, selector);
}

export function useTraces<T>(selector: (state: TraceState) => T): T {
  return useStore(useDevtools().traces, selector);
}
