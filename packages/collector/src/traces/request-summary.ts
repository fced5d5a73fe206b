// The reports' per-request figures: how many user requests the period served
// (a trace each where the app records traces, a call each otherwise) and what
// one cost, overall and per feature.
import type { CallStore } from "../store/call-store.ts";
import { dayOf } from "../store/time-buckets.ts";
import { requestsByBucket, sumRequests } from "./requests.ts";

export interface RequestFigures {
  key: string;
  requests: number;
  /** of which traced */
  traces: number;
  costUSD: number;
  costPerRequest: number;
}

export interface RequestSummary extends RequestFigures {
  byFeature: RequestFigures[];
}

async function figures(store: CallStore, dim: string, key: string, from: number, to: number): Promise<RequestFigures> {
  const rows = await requestsByBucket(store, dim, key, dayOf(from), dayOf(to - 1));
  const { requests, costUSD } = sumRequests(rows);
  const traces = rows.reduce((s, r) => s + r.traces, 0);
  return { key, requests, traces, costUSD, costPerRequest: requests ? costUSD / requests : 0 };
}

/** over the whole UTC days from..to overlaps; features as the report lists them */
export async function requestSummary(store: CallStore, from: number, to: number, features: string[]): Promise<RequestSummary> {
  const [all, ...byFeature] = await Promise.all([figures(store, "all", "", from, to), ...features.map((f) => figures(store, "feature", f, from, to))]);
  return { ...all!, byFeature };
}
