import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite-store.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { FIXTURE_MODEL, FIXTURE_PROMPT_ID, NEW_TEMPLATE, OLD_TEMPLATE, fixtureCalls, fixtureSamples } from "../testing/prompt-change-fixture.ts";
import { estimatePromptChange } from "./estimate-change.ts";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 20);
const tmp = tempDbPath();
const store = new SqliteStore(tmp.path, { synchronous: "normal" });
afterAll(async () => (await store.close(), tmp.cleanup()));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const totals = (calls: Awaited<ReturnType<typeof fixtureCalls>>) => calls.map((c) => c.usage.inputTokens! + c.usage.outputTokens!);

describe("estimatePromptChange on the seed's example", () => {
  it("comes out near ×3.3 in tokens and cost, within 5% of the true token delta", async () => {
    const history = await fixtureCalls("old", 600, 11, now - 20 * DAY);
    await store.ingest(history, now);
    const shipped = await fixtureCalls("new", 600, 12, now);
    const trueDelta = mean(totals(shipped)) - mean(totals(history));

    const estimate = await estimatePromptChange({
      oldTemplate: OLD_TEMPLATE,
      newTemplate: NEW_TEMPLATE,
      samples: fixtureSamples(100, 13),
      model: FIXTURE_MODEL,
      store,
      promptId: FIXTURE_PROMPT_ID,
      now,
    });
    const old = estimate.perRequest.old;
    expect(old.inputTokens).toBeGreaterThan(120);
    expect(old.inputTokens).toBeLessThan(180);
    expect(estimate.perRequest.new.inputTokens).toBeGreaterThan(420);
    expect(estimate.perRequest.new.inputTokens).toBeLessThan(580);
    expect(estimate.tokensRatio).toBeGreaterThan(3);
    expect(estimate.tokensRatio).toBeLessThan(3.6);
    expect(estimate.costRatio).toBeCloseTo(estimate.tokensRatio, 1);
    const estimatedDelta = estimate.perRequest.new.totalTokens - old.totalTokens;
    expect(Math.abs(estimatedDelta - trueDelta) / trueDelta).toBeLessThanOrEqual(0.05);
    expect(estimate.assumptions[0]).toMatch(/from \d+ days of promptId=support-answer/);
    expect(estimate.monthlyCalls).toBeGreaterThan(0);
  }, 60_000);

  it("states its assumption without history and names a missing variable", async () => {
    const estimate = await estimatePromptChange({ oldTemplate: "a {{x}}", newTemplate: "a b c {{x}}", samples: [{ x: "hello" }], outputPerInput: 0.5 });
    expect(estimate.assumptions.join(" ")).toMatch(/no history: output assumed 0.5× input/);
    expect(estimate.tokensRatio).toBeGreaterThan(1);
    await expect(estimatePromptChange({ oldTemplate: "{{x}}", newTemplate: "{{y}}", samples: [{ x: "1" }] })).rejects.toThrow(/sample 1 has no "y"/);
  });
});
