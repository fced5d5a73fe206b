export { percentile } from "./percentile.ts";
export { summarize, type Summary } from "./summarize.ts";
export { tokenJaccard } from "./token-jaccard.ts";
export { normalizedEditDistance, MAX_EDIT_CHARS } from "./edit-distance.ts";
export { varianceScore } from "./variance-score.ts";
export { totalTokens } from "./total-tokens.ts";
export { tokenOutliers, type TokenOutlier } from "./token-outliers.ts";
export { diagnoseTokens, type TokenDiagnosis } from "./diagnose-tokens.ts";
export { tokensPerSecond } from "./tokens-per-second.ts";
