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

/** 25 calls of the new, longer prompt from `at`, a second apart */
const detailed = (at: number) => Array.from({ length: 25 }, (_, i) => makeCall({ startedAt: at + i * 1000, inputTokens: 500, outputTokens: 200, fingerprint: "fp-detailed" }));

describe("anomalies as alerts", () => {
  it("stays quiet over steady traffic, then fires once for a prompt change and names the prompt", async () => {
    h = alertHarness(anomalyRule);
    for (let d = 0; d < 28; d++) expect(await h.ingest(steadyDay(d))).toEqual([]);
    const day = START + 28 * DAY;
    expect(await h.ingest(steadyDay(28).slice(0, 10))).toEqual([]); // scored at 01:30
    // a day is scored again only 15 minutes of record time later: the change at 01:35 waits
    const first = detailed(day + 95 * 60_000);
    expect(await h.ingest(first)).toEqual([]);
    const fired = await h.ingest(detailed(day + 3 * 3_600_000));
    const perRequest = fired.find((a) => a.subject === "tokensPerRequest");
    expect(perRequest).toMatchObject({ kind: "anomaly", dedupKey: "anomaly:tokensPerRequest:2026-03-02" });
    expect(perRequest!.value).toBeGreaterThan(2 * perRequest!.baseline);
    expect(perRequest!.message).toContain("fingerprint=fp-detailed");
    expect(perRequest!.evidence[0]).toBe(first[0]!.id);
    // the same anomaly on a later batch of that day is not raised again (the request count may now be)
    const later = await h.ingest(detailed(day + 6 * 3_600_000));
    expect(later.filter((a) => a.subject === "tokensPerRequest")).toEqual([]);
    expect((await h.store.listAlerts({ kind: "anomaly" })).filter((a) => a.subject === "tokensPerRequest")).toHaveLength(1);
  });

  it("scores a backfill's days once each, whole, when its calls have moved on to the next day", async () => {
    h = alertHarness(anomalyRule);
    // months late: every batch is received now
    const now = Date.now();
    for (let d = 0; d < 28; d++) expect(await h.ingest(steadyDay(d), [], now)).toEqual([]);
    const day = START + 28 * DAY;
    const changed = detailed(day + 3 * 3_600_000);
    // the day's own batches are not scored while it is being caught up
    expect(await h.ingest(steadyDay(28).slice(0, 10), [], now)).toEqual([]);
    expect(await h.ingest(changed, [], now)).toEqual([]);
    expect(await h.ingest(steadyDay(28).slice(10), [], now)).toEqual([]);
    // the first call of the next day closes it: scored once, as a whole day
    const fired = await h.ingest(steadyDay(29).slice(0, 1), [], now);
    const perRequest = fired.filter((a) => a.subject === "tokensPerRequest");
    expect(perRequest).toHaveLength(1);
    expect(perRequest[0]).toMatchObject({ dedupKey: "anomaly:tokensPerRequest:2026-03-02", firedAt: START + 29 * DAY - 1 });
    expect(perRequest[0]!.message).toContain("fingerprint=fp-detailed");
  });
});
