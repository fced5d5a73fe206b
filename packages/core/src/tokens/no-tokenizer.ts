// What `#tokenizer` resolves to in Workers builds (the "workerd" condition).
// wrangler bundles a Worker into one file and inlines every dynamic import, so
// pointing there at the real estimator would ship a megabyte of ranks with every
// Worker whether it estimates or not. Estimating there is opt-in: pass
// `tokenizer: estimateUsage` imported from "@llmscope/core/tokens".
import type { EstimatedUsage } from "./token-estimator.ts";

export async function estimateUsage(): Promise<EstimatedUsage> {
  throw new Error('no tokenizer in this build: pass `tokenizer: estimateUsage` from "@llmscope/core/tokens"');
}
