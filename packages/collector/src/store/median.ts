import { percentile } from "@llmscope/core";

/** the middle of the values (the mean of the two middle ones for an even count) */
export const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 50);
