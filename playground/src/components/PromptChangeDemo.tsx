import { useState } from "react";
import { PROMPT_VERSIONS } from "../scenarios.ts";

/**
 * The silent killer: a one-line prompt edit that triples tokens per call while
 * every infra metric stays green. Run v1 a few times, then ship v2 and watch
 * the overlay's token warning and the cost jump.
 */
export function PromptChangeDemo({ onRun }: { onRun: (system: string) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const runTimes = async (system: string, times: number) => {
    setBusy(true);
    for (let i = 0; i < times; i++) await onRun(system);
    setBusy(false);
  };
  return (
    <fieldset className="card">
      <legend>Silent cost: a prompt change</legend>
      <p>
        Same template (<code>promptId: qa</code>), system prompt <q>{PROMPT_VERSIONS.before.system}</q> vs <q>{PROMPT_VERSIONS.after.system}</q>.
      </p>
      <button type="button" disabled={busy} data-action="prompt-v1" onClick={() => void runTimes(PROMPT_VERSIONS.before.system, 4)}>
        Run {PROMPT_VERSIONS.before.label} ×4
      </button>
      <button type="button" disabled={busy} data-action="prompt-v2" onClick={() => void runTimes(PROMPT_VERSIONS.after.system, 2)}>
        Ship {PROMPT_VERSIONS.after.label} ×2
      </button>
    </fieldset>
  );
}
