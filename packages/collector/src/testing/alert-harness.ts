// A real SQLite store plus the alert engine, fed the way the handler feeds it.
import type { LLMCall } from "@llmscope/core";
import { SqliteStore } from "../store/sqlite-store.ts";
import { createAlertEngine } from "../alerts/alert-engine.ts";
import type { AlertRule } from "../alerts/alert-rule.ts";
import type { AlertThresholds } from "../alerts/thresholds.ts";
import type { Alert } from "../alerts/alert.ts";
import { tempDbPath } from "./temp-db.ts";

export interface AlertHarness {
  store: SqliteStore;
  ingest(calls: LLMCall[]): Promise<Alert[]>;
  close(): Promise<void>;
}

export function alertHarness(rule: AlertRule, thresholds: Partial<AlertThresholds> = {}): AlertHarness {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, { synchronous: "normal" });
  const errors: unknown[] = [];
  const engine = createAlertEngine({ store, rules: [rule], thresholds, onError: (_k, e) => errors.push(e) });
  return {
    store,
    async ingest(calls) {
      const { inserted } = await store.ingest(calls, Date.now());
      const fired = await engine.evaluate(inserted);
      if (errors.length) throw errors[0];
      return fired;
    },
    async close() {
      await store.close();
      tmp.cleanup();
    },
  };
}
