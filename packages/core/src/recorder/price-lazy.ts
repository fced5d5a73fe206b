// The recorder's way to the price table (#load-pricing, except in Workers
// builds, see price-eager.ts): one dynamic import (#call-cost), begun when the
// recorder starts recording and awaited by the first call that reports tokens,
// so neither the table nor the pricing code is part of the main chunk. Once
// loaded, every call is priced at once.
import type { computeCost } from "../pricing/compute-cost.ts";

export type ComputeCost = typeof computeCost;

let loaded: ComputeCost | undefined;
let loading: Promise<ComputeCost> | undefined;

/** the pricing function when already loaded, else undefined */
export const pricingNow = (): ComputeCost | undefined => loaded;

/** loads pricing once; a failed load is tried again by the next call */
export function loadPricing(): Promise<ComputeCost> {
  loading ??= import("#call-cost").then(
    (module: { computeCost: ComputeCost }) => (loaded = module.computeCost),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
