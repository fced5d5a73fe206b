// Calls kept in memory when IndexedDB cannot be used: same queries, gone on reload.
import type { LLMCall } from "../types.ts";
import type { CallStore } from "./call-store.ts";
import { encodeCursor, planQuery } from "./query-plan.ts";
import { memoryTraceStore } from "./trace-store.ts";
import { fromStored, INDEXED_FIELDS, toStored, type StoredCall } from "./schema.ts";

const newestFirst = (a: LLMCall, b: LLMCall) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function memoryStore(): CallStore {
  const rows = new Map<string, StoredCall>();
  const oldestFirst = () => [...rows.values()].sort(newestFirst).reverse();
  const remove = (victims: StoredCall[]) => {
    for (const r of victims) rows.delete(r.id);
    return victims.length;
  };
  return {
    kind: "memory",
    traces: memoryTraceStore(),
    async put(calls) {
      for (const c of calls) rows.set(c.id, toStored(c));
    },
    async query(query) {
      const plan = planQuery(query);
      const hits = [...rows.values()]
        .filter((r) => (!plan.field || r[INDEXED_FIELDS[plan.field]] === plan.value) && plan.matches(r))
        .sort(newestFirst);
      const calls = hits.slice(0, plan.limit).map(fromStored);
      const last = calls[calls.length - 1];
      return hits.length > plan.limit && last ? { calls, cursor: encodeCursor(last) } : { calls };
    },
    async get(id) {
      const r = rows.get(id);
      return r && fromStored(r);
    },
    async update(id, change) {
      const r = rows.get(id);
      if (r) rows.set(id, toStored(change(fromStored(r))));
      return !!r;
    },
    async count() {
      return rows.size;
    },
    async clear() {
      rows.clear();
    },
    async deleteOldest(n) {
      return remove(oldestFirst().slice(0, Math.max(0, n)));
    },
    async deleteBefore(startedAt) {
      return remove([...rows.values()].filter((r) => r.startedAt < startedAt));
    },
    close() {},
  };
}
