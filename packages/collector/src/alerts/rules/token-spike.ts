// "We changed the prompt; tokens went 150 → 500 a call": one call far above the
// recent median of its own prompt.
import { evidenceOf, n, groupBy, round, type AlertRule } from "../alert-rule.ts";

export const tokenSpikeRule: AlertRule = {
  kind: "token_spike_call",
  async evaluate({ batch, thresholds: t }) {
    const spikes = batch.filter(
      (c) => c.tokenBaseline && c.tokenBaseline.samples >= t.tokenSpikeMinSamples && c.totalTokens > t.tokenSpikeRatio * c.tokenBaseline.median,
    );
    return [...groupBy(spikes, (c) => c.promptKey)].map(([promptKey, calls]) => {
      const first = calls[0]!;
      const median = first.tokenBaseline!.median;
      return {
        kind: "token_spike_call" as const,
        subject: promptKey,
        value: first.totalTokens,
        baseline: median,
        threshold: t.tokenSpikeRatio,
        message: `${calls.length} call(s) of prompt ${promptKey} used ${n(first.totalTokens)} tokens, ${round(first.totalTokens / median, 2)}× the trailing median of ${n(median)}`,
        evidence: evidenceOf(calls),
        firedAt: first.call.startedAt,
        dedupKey: `token_spike_call:${promptKey}:${first.call.id}`,
      };
    });
  },
};
