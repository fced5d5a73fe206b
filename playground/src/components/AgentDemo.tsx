import { useEffect, useState } from "react";
import type { TraceSummary } from "@llmscope/core";
import { AGENT_QUESTION, runAgent, type AgentResult } from "../agent/run-agent.ts";
import { recorder } from "../recorder.ts";

const ms = (n: number) => `${Math.round(n)} ms`;

/** One agent request as one trace: retrieval, a slow preprocessing step and a tool loop over two model calls. */
export function AgentDemo({ tags }: { tags: Record<string, string> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AgentResult | { error: string }>();
  const [summary, setSummary] = useState<TraceSummary>();
  const traceId = result && "traceId" in result ? result.traceId : undefined;

  // the summary is computed off the app's path, a moment after the trace ends
  useEffect(
    () =>
      recorder.subscribe((event) => {
        if (event.type === "trace-end" && event.trace.id === traceId) setSummary(event.trace.summary);
      }),
    [traceId],
  );

  const run = async () => {
    setBusy(true);
    setSummary(undefined);
    try {
      setResult(await runAgent(AGENT_QUESTION, tags));
    } catch (err) {
      setResult({ error: err instanceof Error ? err.message : String(err) });
    }
    setBusy(false);
  };
  return (
    <fieldset className="card agent" data-trace-id={traceId}>
      <legend>Agent: one request, one trace</legend>
      <p>
        <q>{AGENT_QUESTION}</q> A vector search, a slow prompt-building step, then the model calls a weather tool and answers: open the
        overlay's trace to see which part took the time.
      </p>
      <button type="button" data-action="agent" disabled={busy} onClick={() => void run()}>
        {busy ? "Running…" : "Run the agent"}
      </button>
      {result && "answer" in result && <p className="answer">{result.answer}</p>}
      {result && "error" in result && <p className="answer">Failed: {result.error}</p>}
      {summary && (
        <p className="meta" data-summary>
          {summary.calls} model calls · model {ms(summary.llmMs)} · retrieval {ms(summary.retrievalMs)} · preprocessing {ms(summary.preprocessMs)} ·
          tool {ms(summary.toolMs)} · own code {ms(summary.selfMs)}
        </p>
      )}
    </fieldset>
  );
}
