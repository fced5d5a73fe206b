// @llmscope/core/quality: scoring recorded calls. Kept off the main entry so
// the recorder bundle does not carry it.
export {
  QUALITY_COMPONENTS, combineScores, evaluateCall, evaluateCallSync, clampScore,
  type QualityComponent, type QualityEvaluator, type QualityScores, type SyncQualityEvaluator,
} from "./evaluator.ts";
export { relevanceEvaluator, questionOverlap, contentWords } from "./relevance.ts";
export { coherenceEvaluator, repeatedTrigramShare, stoppedAtLimit, brokenStructure } from "./coherence.ts";
export { safetyEvaluator, blockedByProvider, refused, termsFound, type SafetyOptions } from "./safety.ts";
export { tokenF1, rougeL, cosineSimilarity, longestCommonSubsequence } from "./reference-scores.ts";
export { accuracyEvaluator, referenceSimilarity, type AccuracyOptions, type EmbedTexts } from "./accuracy.ts";
export { heuristicEvaluators, syncHeuristics, heuristicQuality, type HeuristicOptions } from "./heuristics.ts";
export { llmJudgeEvaluator, judgePrompt, DEFAULT_RUBRIC, type LlmJudgeOptions } from "./llm-judge.ts";
export { judgeRequest, scoresSchema, SCORES_TOOL, type JudgeProtocol } from "./judge-request.ts";
export { parseJudgeScores } from "./judge-scores.ts";
export { questionOf, answerOf } from "./call-text.ts";
