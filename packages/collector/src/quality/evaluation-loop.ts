// Scores stored calls after ingest, never inside it: ingest only touches the
// schedule; slices run when ingest is quiet (or, under sustained load, within
// a small share of the time), read the next calls after a stored cursor, run
// the evaluators, store the scores and check the quality alert rules. Placed
// in front of the OTLP forwarder, it forwards each call once scored, so spans
// carry their gen_ai.evaluation.result events.
import type { LLMCall } from "@llmscope/core";
import { evaluateCall, type QualityEvaluator } from "@llmscope/core/quality";
import type { AlertEngine } from "../alerts/alert-engine.ts";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import type { CallStore, ScoredCall } from "../store/call-store.ts";
import { createExportGate } from "./export-gate.ts";
import { createIdleSchedule } from "./idle-schedule.ts";
import { asIngested } from "./quality-alerts.ts";

export interface QualityLoopStats {
  scored: number;
  /** calls no evaluator could judge (errors, empty answers) */
  unscored: number;
  evaluatorErrors: Record<string, number>;
  /** slices whose reading or storing failed; their calls are retried */
  storageErrors: number;
  alertsFired: number;
  /** calls sent on to OTLP before being scored, because too many waited */
  exportedUnscored: number;
  /** feedback notices dropped because too many waited */
  feedbackDropped: number;
}

export interface QualityLoop extends CallForwarder {
  /** feedback was stored for these calls: the satisfaction rule looks at their prompts */
  feedbackArrived(callIds: readonly string[]): void;
  qualityStats(): QualityLoopStats;
  /** the OTLP forwarder's counts; undefined without one */
  exportStats(): ReturnType<CallForwarder["stats"]> | undefined;
}

export interface QualityLoopOptions {
  store: CallStore;
  evaluators: readonly QualityEvaluator[];
  next?: CallForwarder;
  alerts?: AlertEngine;
  log?: (message: string) => void;
  batchSize?: number;
  idleMs?: number;
  busyShare?: number;
  concurrency?: number;
}

const MAX_FEEDBACK_WAITING = 10_000;

export function createQualityLoop(o: QualityLoopOptions): QualityLoop {
  const store = o.store;
  if (!store.nextForQuality || !store.saveQuality) throw new Error("this store cannot hold quality scores");
  const batchSize = o.batchSize ?? 50;
  const concurrency = o.concurrency ?? 8;
  const schedule = createIdleSchedule(o.idleMs ?? 250, o.busyShare ?? 0.01);
  const gate = o.next ? createExportGate(o.next) : undefined;
  const stats: QualityLoopStats = { scored: 0, unscored: 0, evaluatorErrors: {}, storageErrors: 0, alertsFired: 0, exportedUnscored: 0, feedbackDropped: 0 };
  // reading once puts the cursor at the newest stored call now, so the calls
  // this process ingests from here on are scored and older ones are not
  const started = store.nextForQuality(0).catch((err: unknown) => {
    stats.storageErrors++;
    o.log?.(`quality cursor could not be read: ${err instanceof Error ? err.message : String(err)}`);
  });
  let feedbackIds: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | undefined;

  const countError = (name: string, err: unknown) => {
    stats.evaluatorErrors[name] = (stats.evaluatorErrors[name] ?? 0) + 1;
    o.log?.(`evaluator ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  };

  async function score(calls: LLMCall[]): Promise<ScoredCall[]> {
    const out: ScoredCall[] = [];
    for (let i = 0; i < calls.length; i += concurrency) {
      const chunk = calls.slice(i, i + concurrency);
      const results = await Promise.all(chunk.map((c) => evaluateCall(c, o.evaluators, countError)));
      results.forEach((quality, j) => {
        if (quality) out.push({ callId: chunk[j]!.id, quality });
        else stats.unscored++;
      });
    }
    return out;
  }

  async function checkAlerts(calls: LLMCall[]): Promise<void> {
    if (!o.alerts || calls.length === 0) return;
    const fired = await o.alerts.evaluate(calls.map(asIngested));
    stats.alertsFired += fired.length;
  }

  async function feedbackSlice(): Promise<void> {
    const ids = feedbackIds.splice(0, 500);
    const calls = (await Promise.all(ids.map((id) => store.getCall(id)))).filter((c): c is LLMCall => c !== undefined);
    await checkAlerts(calls);
  }

  /** one slice; true when more work is waiting */
  async function slice(): Promise<boolean> {
    await started;
    const t0 = performance.now();
    try {
      const next = await store.nextForQuality!(batchSize);
      if (next.length) {
        const calls = next.map((n) => n.call);
        const scored = await score(calls);
        await store.saveQuality!(scored, next[next.length - 1]!.seq);
        stats.scored += scored.length;
        const byId = new Map(scored.map((s) => [s.callId, s.quality]));
        const withQuality = calls.map((c) => (byId.has(c.id) ? { ...c, quality: byId.get(c.id)! } : c));
        gate?.scored(withQuality);
        await checkAlerts(withQuality.filter((c) => c.quality));
      }
      if (feedbackIds.length) await feedbackSlice();
      return next.length === batchSize || feedbackIds.length > 0;
    } catch (err) {
      stats.storageErrors++;
      o.log?.(`quality slice failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    } finally {
      schedule.ran(performance.now() - t0);
    }
  }

  function wake(delay?: number): void {
    if (timer || running) return;
    timer = setTimeout(tick, delay ?? schedule.waitMs());
    (timer as { unref?: () => void }).unref?.();
  }

  function tick(): void {
    timer = undefined;
    const wait = schedule.waitMs();
    if (wait > 0) return wake(wait);
    running = slice();
    void running.then((more) => {
      running = undefined;
      if (more) wake();
    });
  }

  // calls a previous run left unscored (it stopped rather than score its backlog) are scored from the start
  void started.then(() => wake());

  return {
    forward(calls) {
      schedule.touch();
      gate?.announced(calls, stats);
      wake();
    },
    // traces are not scored: they go straight on to the export
    forwardTraces: (traces) => o.next?.forwardTraces?.(traces),
    feedbackArrived(callIds) {
      schedule.touch();
      const room = MAX_FEEDBACK_WAITING - feedbackIds.length;
      if (callIds.length > room) stats.feedbackDropped += callIds.length - Math.max(0, room);
      feedbackIds.push(...callIds.slice(0, Math.max(0, room)));
      wake();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running;
      while (await slice());
      await o.next?.flush();
    },
    async shutdown() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running;
      feedbackIds = [];
      await o.next?.shutdown();
    },
    qualityStats: () => ({ ...stats, evaluatorErrors: { ...stats.evaluatorErrors } }),
    exportStats: () => o.next?.stats(),
    stats: () => o.next?.stats() ?? { forwarded: 0, dropped: 0, failed: 0 },
  };
}
