import { describe, expect, it } from "vitest";
import type { KeyContribution } from "./contributions.ts";
import type { KeyParents } from "./key-parents.ts";
import { rankCauses, type RankedCause, type RankingContext } from "./rank-causes.ts";

const key = (k: string, o: Partial<KeyContribution>): KeyContribution => ({ key: k, contribution: 0, baselineShare: 0, todayShare: 0, calls: 100, before: 1, after: 1, spread: 0.01, z: 0, ...o });
const cause = (dimension: string, k: string, share: number, score: number, o: Partial<KeyContribution> = {}): RankedCause => ({ ...key(k, o), dimension, share, score });

interface Setup {
  metric?: RankingContext["metric"];
  models?: KeyContribution[];
  providerOf?: Record<string, string>;
  /** the part of the best model's calls inside its provider */
  inside?: number;
}

function context(o: Setup): RankingContext {
  const parents = new Map<string, KeyParents>(Object.entries(o.providerOf ?? {}).map(([m, provider]) => [m, { provider }]));
  return {
    metric: o.metric ?? "ttftP95",
    direction: 1,
    contributions: new Map([["model", o.models ?? []]]),
    parents: new Map([["model", parents]]),
    inside: new Map([["model", { provider: o.inside ?? 1 }]]),
  };
}

const order = (ranked: RankedCause[]) => ranked.map((c) => `${c.dimension}=${c.key}`);

describe("rankCauses", () => {
  it("names the provider when its other models slowed down too, though one model carries most of it", () => {
    const haiku = { calls: 300, before: 400, after: 1500, z: 20, contribution: 0.9 };
    const sonnet = { calls: 40, before: 800, after: 2600, z: 9, contribution: 0.1 };
    const causes = [cause("model", "haiku", 0.9, 0.66, haiku), cause("provider", "anthropic", 1, 0.62, { contribution: 1, calls: 340 }), cause("promptId", "support", 0.4, 0.3)];
    const ctx = context({ models: [key("haiku", haiku), key("sonnet", sonnet), key("gpt", { calls: 500, before: 300, after: 310, z: 0.4 })], providerOf: { haiku: "anthropic", sonnet: "anthropic", gpt: "openai" } });
    expect(order(rankCauses(causes, ctx))).toEqual(["provider=anthropic", "model=haiku", "promptId=support"]);
  });

  it("names the model when its provider's other models held steady", () => {
    const fresh = { calls: 100, before: 0.001, after: 0.004, z: undefined, contribution: 0.9 };
    const causes = [cause("provider", "openai", 1, 0.9, { contribution: 1, calls: 500 }), cause("model", "gpt-4.1", 0.9, 0.8, fresh)];
    const ctx = context({
      metric: "costPerRequest",
      models: [key("gpt-4.1", fresh), key("gpt-4o-mini", { calls: 400, before: 0.0004, after: 0.00041, z: 0.3, contribution: 0.004, spread: 0.01 })],
      providerOf: { "gpt-4.1": "openai", "gpt-4o-mini": "openai" },
    });
    expect(order(rankCauses(causes, ctx))).toEqual(["model=gpt-4.1", "provider=openai"]);
  });

  it("names the provider when the other models carry a good part of its change beyond chance", () => {
    const best = { calls: 100, before: 1, after: 3, z: 8, contribution: 0.6 };
    const causes = [cause("model", "a", 0.6, 0.7, best), cause("provider", "p", 1, 0.6, { contribution: 1, calls: 105 })];
    const ctx = context({ metric: "cost", models: [key("a", best), key("b", { calls: 5, contribution: 0.4, spread: 0.05 })], providerOf: { a: "p", b: "p" } });
    expect(order(rankCauses(causes, ctx))).toEqual(["provider=p", "model=a"]);
  });

  it("leaves the order to the scores when the key is only partly inside the parent", () => {
    const fresh = { calls: 100, z: undefined, contribution: 0.9 };
    const causes = [cause("provider", "openai", 1, 0.9, { contribution: 1, calls: 500 }), cause("model", "gpt-4.1", 0.9, 0.8, fresh)];
    const ctx = context({ metric: "costPerRequest", models: [key("gpt-4.1", fresh)], providerOf: { "gpt-4.1": "openai" }, inside: 0.6 });
    expect(order(rankCauses(causes, ctx))).toEqual(["provider=openai", "model=gpt-4.1"]);
  });

  it("puts the usual cause first among keys that cut out the same calls", () => {
    const same = { calls: 80, baselineShare: 0.4 };
    const causes = [cause("model", "sonnet", 0.98, 0.58, same), cause("promptId", "contract-review", 0.96, 0.56, same), cause("feature", "contracts", 0.99, 0.51, { calls: 120 })];
    expect(order(rankCauses(causes, context({ metric: "tokensPerRequest" })))).toEqual(["promptId=contract-review", "model=sonnet", "feature=contracts"]);
    // a latency change on the same calls is the model's before the prompt's
    expect(order(rankCauses([...causes].reverse(), context({ metric: "latencyP95" })))[0]).toBe("model=sonnet");
  });
});
