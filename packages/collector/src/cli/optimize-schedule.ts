// `llmscope serve --optimize-report FILE`: the cost optimization report over
// the last period, rewritten on a schedule (weekly by default). A failed run is
// logged and retried at the next tick; it never stops the collector.
import { renameSync, writeFileSync } from "node:fs";
import { buildOptimization } from "../insights/optimize/build-optimization.ts";
import type { CallStore } from "../store/call-store.ts";
import { renderOptimizationHtml } from "./report/render-optimization.ts";

export const WEEK_MS = 7 * 86_400_000;

export function scheduleOptimizationReport(store: CallStore, file: string, everyMs: number, log: (m: string) => void): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const to = Date.now();
      const html = renderOptimizationHtml(await buildOptimization(store, to - Math.max(everyMs, WEEK_MS), to));
      // Written beside and renamed over: whoever opens the report (a browser, a
      // file server) never sees half of it.
      const partial = `${file}.partial`;
      writeFileSync(partial, html);
      renameSync(partial, file);
      log(`wrote the cost optimization report to ${file}`);
    } catch (err) {
      log(`cost optimization report failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
