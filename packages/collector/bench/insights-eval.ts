// The insights proof at full size: 60 injected incidents (12 of each kind) on
// a seed the CI test does not use, plus the prompt-change estimate on the
// seed's example against the true post-change traffic. Run directly it prints
// the numbers; bench/run.ts puts them in BENCHMARKS.md.
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { runInsightsEvaluation, type EvaluationResult } from "../src/testing/insights-evaluation.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { estimatePromptChange } from "../src/estimate/estimate-change.ts";
import { FIXTURE_MODEL, FIXTURE_PROMPT_ID, NEW_TEMPLATE, OLD_TEMPLATE, fixtureCalls, fixtureSamples } from "../src/testing/prompt-change-fixture.ts";

export interface InsightsBench {
  evaluation: EvaluationResult;
  seconds: number;
  estimate: { tokensRatio: number; costRatio: number; estimatedDelta: number; trueDelta: number; error: number; oldInput: number; newInput: number };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function benchInsights(progress: (m: string) => void = () => {}): Promise<InsightsBench> {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, { synchronous: "normal" });
  try {
    const t0 = performance.now();
    const evaluation = await runInsightsEvaluation({ store, incidents: 60, seed: 7, callsPerDay: 800, progress });
    const seconds = (performance.now() - t0) / 1000;
    const now = Date.UTC(2026, 10, 20);
    const history = await fixtureCalls("old", 1000, 31, now - 25 * 86_400_000);
    await store.ingest(history, now);
    const shipped = await fixtureCalls("new", 1000, 32, now);
    const total = (c: (typeof history)[number]) => c.usage.inputTokens! + c.usage.outputTokens!;
    const trueDelta = mean(shipped.map(total)) - mean(history.map(total));
    const e = await estimatePromptChange({ oldTemplate: OLD_TEMPLATE, newTemplate: NEW_TEMPLATE, samples: fixtureSamples(100, 33), model: FIXTURE_MODEL, store, promptId: FIXTURE_PROMPT_ID, now });
    const estimatedDelta = e.perRequest.new.totalTokens - e.perRequest.old.totalTokens;
    return {
      evaluation,
      seconds,
      estimate: {
        tokensRatio: e.tokensRatio,
        costRatio: e.costRatio,
        estimatedDelta,
        trueDelta,
        error: Math.abs(estimatedDelta - trueDelta) / trueDelta,
        oldInput: e.perRequest.old.inputTokens,
        newInput: e.perRequest.new.inputTokens,
      },
    };
  } finally {
    await store.close();
    tmp.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchInsights((m) => process.stderr.write(m + "\n"));
  const { outcomes, falseAlarms, ...summary } = r.evaluation;
  console.log(JSON.stringify({ ...summary, seconds: r.seconds, estimate: r.estimate }, null, 2));
  for (const o of outcomes) if (!o.rcaCorrect) console.log("missed:", o.incident.kind, o.incident.cause, "→", o.rcaFirst, "|", o.sentence);
}
