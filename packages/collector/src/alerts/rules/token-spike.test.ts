import { afterAll, afterEach, describe, expect, it } from "vitest";
import { tokenSpikeRule } from "./token-spike.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

const T0 = Date.UTC(2026, 2, 4, 9);
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("token spike on one call (%s store)", (kind) => {
  it("fires above 150% of the prompt's trailing median, then cools down", async () => {
    h = alertHarness(tokenSpikeRule, {}, kind);
    const normal = [150, 160, 140, 155, 150, 145].map((n, i) => makeCall({ startedAt: T0 + i * 1000, inputTokens: n, outputTokens: 0 }));
    expect(await h.ingest(normal)).toEqual([]);
    expect(await h.ingest([makeCall({ startedAt: T0 + 10_000, inputTokens: 220, outputTokens: 0 })])).toEqual([]);
    const spike = makeCall({ startedAt: T0 + 20_000, inputTokens: 500, outputTokens: 0 });
    const [alert] = await h.ingest([spike]);
    expect(alert).toMatchObject({ kind: "token_spike_call", subject: "fp-summarize", value: 500, baseline: 150, evidence: [spike.id] });
    // a second spike minutes later is inside the cooldown
    expect(await h.ingest([makeCall({ startedAt: T0 + 60_000, inputTokens: 600, outputTokens: 0 })])).toEqual([]);
    // re-sending the same spike stores nothing and fires nothing
    expect(await h.ingest([spike])).toEqual([]);
    expect(await h.store.listAlerts({})).toHaveLength(1);
  });

  it("keys baselines by promptId when the app names its prompts", async () => {
    h = alertHarness(tokenSpikeRule, { tokenSpikeMinSamples: 2 }, kind);
    const tags = { promptId: "triage-v2" };
    await h.ingest([100, 100].map((n, i) => makeCall({ startedAt: T0 + i, inputTokens: n, outputTokens: 0, tags, fingerprint: `fp-${i}` })));
    const [alert] = await h.ingest([makeCall({ startedAt: T0 + 5, inputTokens: 400, outputTokens: 0, tags, fingerprint: "fp-new" })]);
    expect(alert?.subject).toBe("triage-v2");
  });
});
