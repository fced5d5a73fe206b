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
});
