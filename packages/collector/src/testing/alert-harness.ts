// A real store (SQLite, or PostgreSQL with dropPostgresTestDatabase in
// afterAll) plus the alert engine, fed the way the handler feeds it.
import type { LLMCall, Trace } from "@llmscope/core";
import type { CallStore } from "../store/call-store.ts";
import { createAlertEngine } from "../alerts/alert-engine.ts";
import type { AlertRule } from "../alerts/alert-rule.ts";
import type { AlertThresholds } from "../alerts/thresholds.ts";
import type { Alert } from "../alerts/alert.ts";
import { openTestStore, type TestStoreKind } from "./test-server.ts";

export interface AlertHarness {
  /** the store, once the first ingest has opened it */
  readonly store: CallStore;
  /** stores the calls, then the traces, and evaluates the rule on what was new, as POST /v1/calls does, as if received as the last call started (live traffic) */
  ingest(calls: LLMCall[], traces?: Trace[], receivedAt?: number): Promise<Alert[]>;
  close(): Promise<void>;
}

export function alertHarness(rule: AlertRule, thresholds: Partial<AlertThresholds> = {}, kind: TestStoreKind = "sqlite"): AlertHarness {
  // opened in the background, so the harness is made synchronously whatever the store
  let store: CallStore | undefined;
  const opened = openTestStore(kind).then((o) => {
    store = o.store;
    return o;
  });
  const errors: unknown[] = [];
  const engine = opened.then((o) => createAlertEngine({ store: o.store, rules: [rule], thresholds, onError: (_k, e) => errors.push(e) }));
  return {
    get store() {
      if (!store) throw new Error("the harness store opens with the first ingest");
      return store;
    },
    async ingest(calls, traces = [], received?: number) {
      const { store } = await opened;
      const { inserted } = await store.ingest(calls, Date.now());
      const stored = traces.length ? (await store.traces!.ingest(traces, Date.now())).inserted : [];
      const receivedAt = received ?? Math.max(...calls.map((c) => c.startedAt), ...traces.map((t) => t.startedAt));
      const fired = await (await engine).evaluate(inserted, stored, receivedAt);
      if (errors.length) throw errors[0];
      return fired;
    },
    async close() {
      await (await opened).cleanup();
    },
  };
}
