// What the waterfall's colours mean: a step's kind, an LLM call's phases.
const STEP_KINDS = ["retrieval", "tool", "preprocess", "http", "agent", "custom"] as const;
const CALL_PHASES = [
  ["ph-wait", "LLM call: waiting for headers"],
  ["ph-think", "headers to first token"],
  ["ph-stream", "streaming to the end"],
] as const;

export function WaterfallLegend() {
  return (
    <ul className="time-legend wf-legend" aria-label="Waterfall colours">
      {CALL_PHASES.map(([className, label]) => <li key={className}><span className={`swatch ${className}`} aria-hidden="true" />{label}</li>)}
      {STEP_KINDS.map((kind) => <li key={kind}><span className={`swatch wf-${kind}`} aria-hidden="true" />{kind} step</li>)}
    </ul>
  );
}
