// Each rule looks only at the batch just stored and at rollup rows for the
// subjects that batch touched: evaluation cost grows with the batch, never
// with the size of the store.
import type { Trace } from "@llmscope/core";
import type { CallStore, IngestedCall } from "../store/call-store.ts";
import type { Alert, AlertKind } from "./alert.ts";
import type { AlertThresholds } from "./thresholds.ts";

export type AlertDraft = Omit<Alert, "id">;

export interface RuleContext {
  batch: IngestedCall[];
  /** the traces the same request stored (trace rules read these; the others the calls) */
  traces: Trace[];
  store: CallStore;
  thresholds: AlertThresholds;
  /** when the batch was received (epoch ms): calls far older than this are a backfill or an outbox catching up */
  receivedAt: number;
}

export interface AlertRule {
  kind: AlertKind;
  evaluate(ctx: RuleContext): Promise<AlertDraft[]>;
}

/** evidence lists stay short: enough ids to open the calls, not the whole batch */
export const MAX_EVIDENCE = 20;

export function evidenceOf(calls: IngestedCall[]): string[] {
  return calls.slice(0, MAX_EVIDENCE).map((c) => c.call.id);
}

export function latestStart(calls: IngestedCall[]): number {
  return calls.reduce((m, c) => Math.max(m, c.call.startedAt), -Infinity);
}

/** group calls by a key computed from each */
export function groupBy<K>(calls: IngestedCall[], keyOf: (c: IngestedCall) => K | undefined): Map<K, IngestedCall[]> {
  const groups = new Map<K, IngestedCall[]>();
  for (const c of calls) {
    const k = keyOf(c);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** thousands separators for numbers in alert messages */
export function n(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}
