// A small client for the collector's read endpoints, relative to the page so
// the console works wherever `llmscope serve` is reached.
import type { LLMCall } from "@llmscope/core";
import { ApiError, apiErrorOf } from "./api-error.ts";
import type { AlertRecord, CallPage, SessionDetail, SessionPage, SimilarCalls, StatsAnswer, TraceDetail, TracePage, TraceStatsAnswer } from "./types.ts";

export type Query = Record<string, string | number | undefined>;

export interface CollectorApi {
  calls(query: Query): Promise<CallPage>;
  call(id: string): Promise<LLMCall>;
  similar(id: string, query?: Query): Promise<SimilarCalls>;
  stats(query: Query): Promise<StatsAnswer>;
  alerts(query?: Query): Promise<{ alerts: AlertRecord[] }>;
  traces(query: Query): Promise<TracePage>;
  trace(id: string): Promise<TraceDetail>;
  /** undefined when the collector keeps no traces (404) */
  traceStats(query: Query): Promise<TraceStatsAnswer | undefined>;
  sessions(query: Query): Promise<SessionPage>;
  session(id: string): Promise<SessionDetail>;
  /** undefined when the collector has no such endpoint (404): the page hides that part */
  optional<T>(path: string): Promise<T | undefined>;
}

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function createCollectorApi(readKey: string, base = new URL("./", location.href).href): CollectorApi {
  async function send(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path.replace(/^\//, ""), base), { headers: { authorization: `Bearer ${readKey}` } });
    } catch (err) {
      throw new ApiError(0, `The collector could not be reached (${err instanceof Error ? err.message : String(err)})`);
    }
    return response;
  }
  async function get<T>(path: string): Promise<T> {
    const response = await send(path);
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as T;
  }
  async function optional<T>(path: string): Promise<T | undefined> {
    const response = await send(path);
    if (response.status === 404) return undefined;
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as T;
  }
  return {
    calls: (query) => get(`v1/calls${queryString(query)}`),
    call: (id) => get(`v1/calls/${encodeURIComponent(id)}`),
    similar: (id, query = {}) => get(`v1/calls/${encodeURIComponent(id)}/similar${queryString(query)}`),
    stats: (query) => get(`v1/stats${queryString(query)}`),
    alerts: (query = {}) => get(`v1/alerts${queryString(query)}`),
    traces: (query) => get(`v1/traces${queryString(query)}`),
    trace: (id) => get(`v1/traces/${encodeURIComponent(id)}`),
    traceStats: (query) => optional(`v1/traces/stats${queryString(query)}`),
    sessions: (query) => get(`v1/sessions${queryString(query)}`),
    session: (id) => get(`v1/sessions/${encodeURIComponent(id)}`),
    optional,
  };
}
