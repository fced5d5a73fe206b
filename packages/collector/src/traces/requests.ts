// A user request is a trace where the app records traces, and a call
// otherwise: requests = traces + the calls made outside any trace. The calls'
// cost covers every request, traced or not, so cost per request is their cost
// over that count. Read from the call and trace rollups only.
import type { CallStore } from "../store/call-store.ts";

export interface RequestCount {
  /** day number, or hour number for "@hour" dimensions */
  bucket: number;
  requests: number;
  traces: number;
  calls: number;
  costUSD: number;
}

/** per bucket of one dimension's key, buckets inclusive; buckets without calls are absent */
export async function requestsByBucket(store: CallStore, dim: string, key: string, from: number, to: number): Promise<RequestCount[]> {
  const [calls, traces] = await Promise.all([
    store.rollups(dim, [key], from, to),
    store.traces ? store.traces.rollups(dim, [key], from, to) : Promise.resolve([]),
  ]);
  const byBucket = new Map<number, RequestCount>();
  for (const r of calls) byBucket.set(r.day, { bucket: r.day, requests: 0, traces: 0, calls: r.calls, costUSD: r.costUSD });
  const inTraces = new Map<number, number>();
  for (const t of traces) {
    const c = byBucket.get(t.bucket);
    if (!c) continue;
    c.traces += t.traces;
    inTraces.set(t.bucket, (inTraces.get(t.bucket) ?? 0) + t.llmCalls);
  }
  // a trace's calls may be counted a day apart from it at a day's edge: never count fewer requests than traces
  for (const c of byBucket.values()) c.requests = c.traces + Math.max(0, c.calls - (inTraces.get(c.bucket) ?? 0));
  return [...byBucket.values()].sort((a, b) => a.bucket - b.bucket);
}

export function sumRequests(rows: RequestCount[]): { requests: number; costUSD: number } {
  return rows.reduce((s, r) => ({ requests: s.requests + r.requests, costUSD: s.costUSD + r.costUSD }), { requests: 0, costUSD: 0 });
}
