import { afterEach, describe, expect, it } from "vitest";
import type { QualityEvaluator } from "@llmscope/core/quality";
import type { SqliteStore } from "../../store/sqlite-store.ts";
import { openTempStore, type TempStore } from "../../testing/temp-store.ts";
import { makeCall } from "../../testing/make-call.ts";
import { createQualityLoop } from "../../quality/evaluation-loop.ts";
import { buildReport } from "./build-report.ts";
import { renderTerminal } from "./render-terminal.ts";
import { renderHtml } from "./render-html.ts";

const T = Date.UTC(2026, 2, 10, 9);
let temp: TempStore;
let store: SqliteStore;
afterEach(() => temp.close());

const fromTag: QualityEvaluator = { name: "from-tag", evaluate: (c) => ({ relevance: Number(c.tags.score) }) };

describe("quality in the report", () => {
  it("lists scores and satisfaction by feature, model and prompt, and the top prompts' dispersion", async () => {
    temp = openTempStore();
    store = temp.store;
    const loop = createQualityLoop({ store, evaluators: [fromTag], idleMs: 1 });
    const calls = [
      { ...makeCall({ id: "a", startedAt: T, model: "m1", tags: { feature: "chat", promptId: "p1", score: "90" } }), completion: { text: "Paris is the capital." } },
      { ...makeCall({ id: "b", startedAt: T + 1, model: "m1", tags: { feature: "chat", promptId: "p1", score: "50" } }), completion: { text: "Paris is the capital." } },
      { ...makeCall({ id: "c", startedAt: T + 2, model: "m2", tags: { feature: "search", promptId: "p2", score: "20" } }), completion: { text: "Something" } },
    ];
    const { inserted } = await store.ingest(calls, T);
    loop.forward(inserted.map((i) => i.call));
    await loop.flush();
    await store.addFeedback([{ callId: "a", score: 1, at: T }, { callId: "b", score: -1, at: T }]);

    const report = await buildReport(store, T - 1000, T + 86_400_000);
    expect(report.quality!.byFeature.find((r) => r.key === "chat")).toMatchObject({ scored: 2, relevance: 70, average: 70, thumbsUp: 1, thumbsDown: 1, satisfaction: 0.5 });
    expect(report.quality!.byModel.find((r) => r.key === "m2")).toMatchObject({ scored: 1, average: 20 });
    expect(report.quality!.dispersion).toEqual([{ key: "p1", samples: 2, score: 0, outliers: 0 }]);

    const text = renderTerminal(report);
    expect(text).toContain("Quality and satisfaction by feature");
    expect(text).toMatch(/chat\s+2\s+70\s+70\s+–\s+–\s+–\s+50% of 2/);
    expect(text).toMatch(/p1\s+2\s+0\.00\s+0/);
    expect(renderHtml(report)).toContain("Quality and satisfaction");
  });
});
