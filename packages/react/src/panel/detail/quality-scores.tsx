import type { LLMCall } from "@llmscope/core";
import { QUALITY_LABELS, qualityOf, qualityTone } from "../quality/quality-of.ts";

/** One bar per quality component, and where the scores came from. */
export function QualityScores({ call }: { call: LLMCall }) {
  const { quality, source } = qualityOf(call);
  if (!quality) return <p className="muted">Nothing to score: the call has no answer (or is still running).</p>;
  const rows = [...(Object.keys(QUALITY_LABELS) as (keyof typeof QUALITY_LABELS)[]).filter((k) => quality[k] !== undefined), "average" as const];
  return (
    <div className="quality-scores">
      {rows.map((k) => {
        const v = quality[k]!;
        const label = k === "average" ? "Average" : QUALITY_LABELS[k];
        return (
          <div key={k} className="q-row" role="group" aria-label={`${label} ${Math.round(v)}`}>
            <span className="q-name">{label}</span>
            <span className="q-track"><span className={`q-fill q-${qualityTone(v)}`} style={{ width: `${v}%` }} /></span>
            <span className="num">{Math.round(v)}</span>
          </div>
        );
      })}
      <p className="muted small">
        {source === "recorded"
          ? "Scores recorded with the call."
          : "Computed here by the built-in heuristics (question-word overlap, repetition/truncation/structure, provider safety signals); no accuracy without a reference answer."}
      </p>
    </div>
  );
}
