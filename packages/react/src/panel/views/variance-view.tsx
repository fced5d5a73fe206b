import { useMemo, useState } from "react";
import { outputDispersion, type LLMCall } from "@llmscope/core";
import { formatClock, modelLabel } from "../format.ts";
import { LongText } from "../detail/long-text.tsx";
import { useCallArray } from "./use-call-array.ts";
import { viewCss } from "./view-css.ts";

interface PromptGroup {
  fingerprint: string;
  calls: LLMCall[];
  /** core's dispersion: mean of edit distance and word Jaccard distance */
  score: number;
  /** ids of answers far from the others */
  outliers: Set<string>;
}

const columnsShown = 4;

export function groupByFingerprint(calls: readonly LLMCall[]): PromptGroup[] {
  const groups = new Map<string, LLMCall[]>();
  for (const call of calls) {
    if (call.error || !call.fingerprint) continue;
    let group = groups.get(call.fingerprint);
    if (!group) groups.set(call.fingerprint, (group = []));
    group.push(call);
  }
  return [...groups]
    .filter(([, group]) => group.length >= 2)
    .map(([fingerprint, group]) => {
      // the newest 20 answers, as the collector's /v1/variance compares them
      const newest = group.slice(-20);
      const d = outputDispersion(newest.map((c) => c.completion?.text ?? ""));
      return { fingerprint, calls: group, score: d.score, outliers: new Set(d.outliers.map((o) => newest[o.index]!.id)) };
    })
    .sort((a, b) => b.score - a.score);
}

/** Same prompt pattern, different answers: how far they wander, side by side. */
export function VarianceView({ onOpenCall }: { onOpenCall: (id: string) => void }) {
  const calls = useCallArray({ finishedOnly: true });
  const groups = useMemo(() => groupByFingerprint(calls), [calls]);
  if (groups.length === 0) {
    return <p className="view muted">Prompts sent more than once are compared here: send the same prompt twice to see how the answers differ.</p>;
  }
  return (
    <div className="view view-variance">
      <style>{viewCss}</style>
      {groups.map((g) => (
        <PromptGroupBlock key={g.fingerprint} group={g} onOpenCall={onOpenCall} />
      ))}
    </div>
  );
}

function PromptGroupBlock({ group, onOpenCall }: { group: PromptGroup; onOpenCall: (id: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? group.calls : group.calls.slice(-columnsShown);
  const prompt = group.calls[group.calls.length - 1]?.prompt?.text ?? "";
  return (
    <section className="model-block" aria-label={`Prompt pattern ${group.fingerprint}`}>
      <h3 className="section-title">
        <span className="score" aria-label={`variance score ${group.score.toFixed(2)}`}>
          <span className="score-bar" style={{ width: `${Math.round(group.score * 100)}%` }} />
          <span className="num">{group.score.toFixed(2)}</span>
        </span>
        <span className="mono small">{group.fingerprint}</span>
        <span className="section-aside">{group.calls.length} answers</span>
      </h3>
      <p className="prompt-line" title={prompt}>{prompt.length > 240 ? `${prompt.slice(0, 239)}…` : prompt}</p>
      <div className="side-by-side">
        {shown.map((c) => (
          <div key={c.id} className={`answer${group.outliers.has(c.id) ? " answer-outlier" : ""}`}>
            <button type="button" className="link small num" onClick={() => onOpenCall(c.id)}>
              {formatClock(c.startedAt)} · {modelLabel(c)}
            </button>
            {group.outliers.has(c.id) && <span className="badge badge-error small">outlier</span>}
            <LongText text={c.completion?.text ?? ""} className="answer-text" />
          </div>
        ))}
      </div>
      {group.calls.length > columnsShown && (
        <button type="button" className="link" onClick={() => setAll((a) => !a)}>
          {all ? "Show the latest only" : `Show all ${group.calls.length} answers`}
        </button>
      )}
    </section>
  );
}
