import type { LLMCall } from "@llmscope/core";
import { QUALITY_LABELS, qualityOf, qualityTone } from "../quality/quality-of.ts";

/** The call's average quality, 0–100; "~" marks scores the devtools computed themselves. */
export function QualityCell({ call }: { call: LLMCall }) {
  const { quality, source } = qualityOf(call);
  if (quality?.average === undefined) return <span className="muted">–</span>;
  const parts = (Object.keys(QUALITY_LABELS) as (keyof typeof QUALITY_LABELS)[])
    .filter((k) => quality[k] !== undefined)
    .map((k) => `${QUALITY_LABELS[k]} ${Math.round(quality[k]!)}`);
  const title = `${parts.join(" · ")}${source === "heuristic" ? " (heuristics computed in the devtools)" : ""}`;
  return (
    <span className={`q q-${qualityTone(quality.average)}`} title={title} aria-label={`quality ${Math.round(quality.average)}`}>
      {Math.round(quality.average)}
      {source === "heuristic" && <span className="est">~</span>}
    </span>
  );
}
