import { afterEach, describe, expect, it } from "vitest";
import { anomalyRule } from "./anomaly.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { makeCall } from "../../testing/make-call.ts";

const DAY = 86_400_000;
const START = Date.UTC(2026, 1, 2, 0);
let h: AlertHarness;
afterEach(() => h.close());

/** 30 calls a day, tokens varying a little, on prompt "summarize" */
function steadyDay(day: number, inputTokens = 150) {
  return Array.from({ length: 30 }, (_, i) =>
    makeCall({ startedAt: START + day * DAY + i * 600_000, inputTokens: inputTokens + ((day * 7 + i * 13) % 21), outputTokens: 60, fingerprint: "fp-summarize" }),
  );
}

describe("anomalies as alerts", () => {
  it("stays quiet over steady traffic, then fires once for a prompt change and names the prompt", async () => {
    h = alertHarness(anomalyRule);
    for (let d = 0; d < 28; d++) expect(await h.ingest(steadyDay(d))).toEqual([]);
    const changed = makeCall({ startedAt: START + 28 * DAY + 3_600_000, inputTokens: 500, outputTokens: 200, fingerprint: "fp-detailed" });
    await h.ingest(steadyDay(28).slice(0, 10));
    const fired = await h.ingest([changed, ...Array.from({ length: 25 }, (_, i) => makeCall({ startedAt: changed.startedAt + (i + 1) * 60_000, inputTokens: 500, outputTokens: 200, fingerprint: "fp-detailed" }))]);
    const perRequest = fired.find((a) => a.subject === "tokensPerRequest");
    expect(perRequest).toMatchObject({ kind: "anomaly", dedupKey: "anomaly:tokensPerRequest:2026-03-02" });
    expect(perRequest!.value).toBeGreaterThan(2 * perRequest!.baseline);
    expect(perRequest!.message).toContain("fingerprint=fp-detailed");
    expect(perRequest!.evidence[0]).toBe(changed.id);
    // the same anomaly on a later batch of that day is not raised again
    expect(await h.ingest([makeCall({ startedAt: changed.startedAt + 3 * 3_600_000, inputTokens: 500, outputTokens: 200, fingerprint: "fp-detailed" })])).toEqual([]);
    expect((await h.store.listAlerts({ kind: "anomaly" })).filter((a) => a.subject === "tokensPerRequest")).toHaveLength(1);
  });
});
