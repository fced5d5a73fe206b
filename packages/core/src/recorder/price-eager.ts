// What #load-pricing is in Workers builds (the "workerd" condition): a Worker
// bundle inlines every dynamic import anyway, so the price table is linked in
// statically there, without the lazy module wrapper, and no call waits for it.
import { computeCost } from "../pricing/compute-cost.ts";
import type { ComputeCost } from "./price-lazy.ts";

export type { ComputeCost };

export const pricingNow = (): ComputeCost => computeCost;

export const loadPricing = (): Promise<ComputeCost> => Promise.resolve(computeCost);
