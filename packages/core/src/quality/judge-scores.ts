// Reading the judge's verdict: the forced tool call's arguments, or, from a
// model that answered in prose anyway, the first JSON object in its text.
import type { Completion } from "../types.ts";
import type { QualityComponent, QualityScores } from "./evaluator.ts";
import { SCORES_TOOL } from "./judge-request.ts";

function firstJsonObject(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/**
 * The scores the judge gave, each a number 0..100 (a 0..10 scale is not
 * guessed at: out-of-range values are dropped); undefined when none parse.
 */
export function parseJudgeScores(completion: Completion, components: readonly QualityComponent[]): QualityScores | undefined {
  const call = completion.toolCalls?.find((t) => t.name === SCORES_TOOL) ?? completion.toolCalls?.[0];
  let raw: unknown;
  if (call) {
    try {
      raw = JSON.parse(call.arguments);
    } catch {
      raw = undefined;
    }
  }
  raw ??= firstJsonObject(completion.text ?? "");
  if (!raw || typeof raw !== "object") return undefined;
  const scores: QualityScores = {};
  for (const c of components) {
    const v = (raw as Record<string, unknown>)[c];
    const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
    if (typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 100) scores[c] = n;
  }
  return Object.keys(scores).length ? scores : undefined;
}
