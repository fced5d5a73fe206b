// What `#tokenizer` resolves to in Workers builds (the "workerd" condition)
// and in browsers' production builds ("browser" + "production"): there a lazy
// tokenizer is still megabytes of emitted chunks, each past bundlers' size
// warnings, for counts the provider usually reports. wrangler bundles a
// Worker into one file and inlines every dynamic import, so pointing there at
// the real estimator would ship a megabyte of ranks with every Worker whether
// it estimates or not. Estimating there is opt-in: pass
// `tokenizer: estimateUsage` imported from "@llmscope/core/tokens" (or
// `jsTiktoken` from "@llmscope/core/tokens/js-tiktoken").
import type { EstimatedUsage } from "./token-estimator.ts";

export async function estimateUsage(): Promise<EstimatedUsage> {
  throw new Error('no tokenizer in this build: pass `tokenizer: estimateUsage` from "@llmscope/core/tokens"');
}
